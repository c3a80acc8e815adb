// The application menu: standard roles only (plus a help link that opens an allow-listed page).
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { EXTERNAL_LINKS } from './security';
import type { Translator } from '../../shared/i18n';

/** Rebuilt when the window changes language (the roles' own labels follow the OS). */
export function buildMenu(opts: { devTools: boolean; tr: Translator; isMac?: boolean }): Menu {
  const { t } = opts.tr;
  const isMac = opts.isMac ?? process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: t('shell.menu.file'), submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: t('shell.menu.view'),
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
        { label: t('shell.menu.help.requestData'), click: () => void shell.openExternal(EXTERNAL_LINKS.requestData) },
        { label: t('shell.menu.help.offTikTok'), click: () => void shell.openExternal(EXTERNAL_LINKS.offTikTokActivity) },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
