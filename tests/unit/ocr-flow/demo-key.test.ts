// @vitest-environment jsdom
/**
 * Who may trust the demo's 2D-Doc test key (its private half is public): the demo site's widget, that
 * asked for it. Never the extension, whatever options a page hands it.
 */
import { describe, expect, it } from 'vitest';
import { ocrConfigOf } from '../../../components/features/ocr/config';
import { ocrOptions } from '../../../components/features/ocr/options-schema';
import { testServices } from '../panel-services';

const asked = { ocr: ocrOptions.parse({ twoddocDemoKey: 'true' }).config };

describe('the demo key setting', () => {
  it('is off unless the page says true, and a wrong value is reported and stays off', () => {
    expect(ocrOptions.parse({}).config.twoddocDemoKey).toBe(false);
    expect(ocrOptions.parse({ twoddocDemoKey: 'false' }).config.twoddocDemoKey).toBe(false);
    expect(asked.ocr.twoddocDemoKey).toBe(true);
    const wrong = ocrOptions.parse({ twoddocDemoKey: 'oui' });
    expect(wrong.config.twoddocDemoKey).toBe(false);
    expect(wrong.problems.map((p) => p.field)).toEqual(['twoddocDemoKey']);
  });
  it('reaches the widget’s reading only when asked', () => {
    expect(ocrConfigOf(testServices({ config: asked })).demoKey).toBe(true);
    expect(ocrConfigOf(testServices()).demoKey).toBe(false);
  });
  it('never reaches the extension: its page panel and side panel read with the shipped list', () => {
    const background = async () => ({ token: 't' });
    const page = ocrConfigOf(
      testServices({ context: 'page', config: asked, env: { asset: (p) => p, background } }),
    );
    expect(page.page).toBe('ocr.html');
    expect(page.demoKey).toBeUndefined();
    const front = {
      tabId: async () => 1,
      windowId: async () => 1,
      send: async () => null,
      onChange: () => () => {},
    };
    const side = ocrConfigOf(
      testServices({
        context: 'sidepanel',
        config: asked,
        env: { asset: (p) => p, background },
        frontPage: front,
      }),
    );
    expect(side.demoKey).toBeUndefined();
    expect(side.bridge?.().demoKey).toBeUndefined();
  });
});
