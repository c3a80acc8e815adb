// The application menu: standard roles only (plus a help link that opens an allow-listed page).
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { EXTERNAL_LINKS } from './security';

export function buildMenu(opts: { devTools: boolean; isMac?: boolean }): Menu {
  const isMac = opts.isMac ?? process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(opts.devTools
          ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'How to download your TikTok data', click: () => void shell.openExternal(EXTERNAL_LINKS.requestData) },
        { label: 'Control your off-TikTok activity', click: () => void shell.openExternal(EXTERNAL_LINKS.offTikTokActivity) },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
