// Words shared by every door, and the Electron shell's own texts (menus, native dialogs), which
// follow the window's language. Key prefixes: common., shell.
export const en = {
  'common.appName': 'Footprint',
  'shell.menu.file': '&File',
  'shell.menu.view': '&View',
  'shell.menu.help.requestData': 'How to download your TikTok data',
  'shell.menu.help.offTikTok': 'Control your off-TikTok activity',
  'shell.dialog.openFile': 'Open a TikTok export',
  'shell.dialog.openFolder': 'Open an unzipped TikTok export folder',
  'shell.dialog.exportFilter': 'TikTok export (ZIP, JSON, TXT)',
  'shell.dialog.save': 'Save as',
  'shell.startFailed': 'Footprint cannot start',
} as const;

export const sv: Record<keyof typeof en, string> = {
  'common.appName': 'Footprint',
  'shell.menu.file': '&Arkiv',
  'shell.menu.view': '&Visa',
  'shell.menu.help.requestData': 'Så laddar du ner dina TikTok-data',
  'shell.menu.help.offTikTok': 'Styr din aktivitet utanför TikTok',
  'shell.dialog.openFile': 'Öppna en TikTok-export',
  'shell.dialog.openFolder': 'Öppna en uppackad mapp med en TikTok-export',
  'shell.dialog.exportFilter': 'TikTok-export (ZIP, JSON, TXT)',
  'shell.dialog.save': 'Spara som',
  'shell.startFailed': 'Footprint kan inte starta',
};
