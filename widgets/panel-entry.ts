/**
 * The panel bundle, loaded on first use by the extension's content script and by the widget
 * loader (built once into public/panel/ by vite.panel.config.ts, served by both).
 */

export type { MountOptions, PanelHandle } from '../components/app/mount';
export { mountPanel } from '../components/app/mount';
