/**
 * Every feature of Pas à pas, one line each: its folder holds the rest (feature.ts declares its
 * tab, page work, commands, options section, configuration, icon and strings). The panel, the
 * page script, the widget loader and the options page are composed from this list.
 */

export { accompaniment } from './accompaniment/feature';
export { comfort } from './comfort/feature';
export { guides } from './guides/feature';
export { infos } from './infos/feature';
export { ocr } from './ocr/feature';
export { print } from './print/feature';
export { progress } from './progress/feature';
export { readable } from './readable/feature';
export { speech } from './speech/feature';
export { studio } from './studio/feature';
