// The home page: what TikTok has on you, by the categories of TikTok's privacy policy
// (src/shared/privacy-categories.ts), what no export shows, TikTok's own claims and who says so.
export const en = {
  'home.category.proof-of-identity': 'Proof of identity',
  'home.category.proof-of-identity.about':
    'A photo of an ID document or your date of birth, which TikTok asks for to verify an account or open some features.',
  'home.category.location': 'Location',
  'home.category.location.about':
    'Where you are: worked out from your IP address, or from GPS if you allowed it.',
  'home.category.your-content': 'Your content',
  'home.category.your-content.about':
    'What you create and send: videos, sound, comments, LIVEs, messages and the details attached to them.',
  'home.category.purchases': 'Purchases',
  'home.category.purchases.about':
    'What you buy and pay for: payment cards, billing and delivery addresses, orders, amounts and times.',
  'home.category.contacts': 'Contacts',
  'home.category.contacts.about':
    'The people you are connected to on TikTok, and the contacts you sync from your phone or other networks if you choose to.',
  'home.category.personal-information': 'Personal information',
  'home.category.personal-information.about':
    'The details of your account: name, username, birthday, email, phone number, bio, photo and settings.',
  'home.category.usage': 'How you use TikTok',
  'home.category.usage.about':
    'What you do in the app: the videos you watch, like and save, what you search for and how you interact.',
  'home.category.third-parties': 'Information from other companies',
  'home.category.third-parties.about':
    'What other companies tell TikTok about you: social logins, advertisers, and your activity on their apps and websites.',
  'home.category.device': 'Device',
  'home.category.device.about':
    'The phone or computer you use: its model and identifiers, operating system, network, IP address and time zone.',

  'home.missing.id-document':
    'The photo of your ID, if you sent one to verify your account or age: no export Footprint knows includes it.',
  'home.missing.gps-location':
    'Precise GPS location, which TikTok may collect if you allowed it: the export shows at most your most recent location.',
  'home.missing.clipboard': 'Clipboard content, which TikTok’s privacy policy counts as part of your content.',
  'home.missing.synced-contacts':
    'The names, numbers and email addresses from your phone contacts, if you synced them.',
  'home.missing.keystroke-patterns': 'Your keystroke patterns: how you type, not only what you type.',
  'home.missing.partner-data':
    'What advertisers and public sources told TikTok about you, beyond the activity from other apps and websites that the export lists.',
  'home.missing.device-details':
    'The full details of your devices: TikTok collects model and ID, browser type, network, mobile carrier, operating system and time zone, and the export lists only some of them.',
  'home.missing.recipients':
    'Who TikTok shared your data with: service providers, business partners, payment providers, advertisers or law enforcement.',
  'home.missing.others-privacy':
    'Data that also concerns other people: TikTok says some of it may be left out to protect their privacy.',
  'home.missing.last-days':
    'The last 24–48 hours of some data: it may not have been processed yet when the export was made.',

  'home.claim.dm-not-end-to-end':
    'TikTok says direct messages are encrypted in transit and when stored, but not end-to-end: TikTok can decrypt them, for example in answer to legal process or to enforce its Community Guidelines.',
  'home.claim.storage-location':
    'TikTok says US users’ data has been stored in the US and Singapore, that US traffic now goes to Oracle’s cloud in the US, and that it plans to delete US users’ private data from its own data centres.',
  'home.claim.employee-access':
    'TikTok says engineers around the world, including in China, may get access to user data under controls overseen by a US security team.',
  'home.claim.retention':
    'TikTok says it keeps data as long as it needs it for the service, for business purposes, legal obligations and legal claims.',
  'home.claim.no-mac-address': 'TikTok says the current app does not collect MAC addresses.',
  'home.claim.not-sold':
    'TikTok says it does not sell personal information, or share it for cross-context behavioural advertising where the law restricts that.',

  'home.source.tiktok-help': 'TikTok’s help',
  'home.source.tiktok-faq': 'TikTok’s FAQ',
  'home.source.portability-news': 'a news article',
  'home.source.privacy-guide': 'a privacy guide',
  'home.source.download-article': 'an article',

  'home.nav': 'Home',
  'home.page.title': 'Your TikTok data',
  'home.charts.title': 'Your data in pictures',
  'home.page.intro':
    'From your latest export, {name} (exported {date}): {records, plural, one {# record} other {# records}} in {datasets, plural, one {# dataset} other {# datasets}}, {fresh, plural, one {# new} other {# new}} to your archive.',
  'home.page.dateUnknown': 'on an unknown date',
  'home.page.open': 'Open this export',
  'home.page.empty': 'Import an export to see what TikTok has on you.',
  'home.page.failed': 'The home page could not be read.',
  'home.todo.title': 'What to do',
  'home.todo.alerts': '{n, plural, =0 {Nothing to check} one {# alert to check} other {# alerts to check}}',
  'home.todo.alerts.since': 'since the export before',
  'home.todo.alerts.one': 'Only one export: nothing to compare yet',
  'home.todo.settings': '{n, plural, =0 {No setting got less private} one {# setting got less private} other {# settings got less private}}',
  'home.todo.apps': '{n, plural, =0 {No apps due for review} one {# app due for review} other {# apps due for review}}',
  'home.todo.apps.hint': 'Apps you gave access to your TikTok data',
  'home.todo.checklist': '{done} of {total} checklist steps done',
  'home.todo.first': 'Do first: {title}',
  'home.todo.noFirst': 'No step is waiting',
  'home.fresh.title': 'Time for a fresh export',
  'home.fresh.due':
    'Your latest export is {days, plural, one {# day} other {# days}} old, older than {chosen, select, yes {the {interval} days you chose} other {{interval} days, the interval Footprint suggests}}. Request a new one from TikTok, then import it here.',
  'home.fresh.none': 'You have not imported an export yet. Request one from TikTok, then import it here.',
  'home.fresh.ok': 'Your latest export is {days, plural, one {# day} other {# days}} old; a fresh one is due after {interval} days.',
  'home.fresh.steps': 'How to get it, from TikTok’s help',
  'home.fresh.app': 'In the app: {path}',
  'home.fresh.web': 'On the web: {path}',
  'home.has.title': 'What TikTok has on you',
  'home.has.intro': 'Sorted by the categories of TikTok’s privacy policy, most sensitive first.',
  'home.has.records': '{n, plural, one {# record} other {# records}}',
  'home.has.new': '{n, plural, one {# new} other {# new}}',
  'home.has.newHint': 'new to your archive in this export',
  'home.has.datasets': 'Datasets behind it',
  'home.has.nothing': 'Nothing in this export',
  'home.has.empty': '{n, plural, one {# dataset} other {# datasets}} with nothing in this export',
  'home.has.emptyIntro': 'TikTok can export these, but your latest export had nothing in them.',
  'home.notShown.title': 'What the export does not show you',
  'home.notShown.intro': 'TikTok says it collects more than the export contains. The export is not the whole picture.',
  'home.notShown.source': 'Source: {sources}',
  'home.claims.title': 'What TikTok says about your data',
  'home.claims.about': 'About: {datasets}',
} as const;

export const sv: Record<keyof typeof en, string> = {
  'home.category.proof-of-identity': 'Identitetshandlingar',
  'home.category.proof-of-identity.about':
    'En bild på din id-handling eller ditt födelsedatum, som TikTok ber om för att verifiera ett konto eller låsa upp vissa funktioner.',
  'home.category.location': 'Plats',
  'home.category.location.about':
    'Var du befinner dig. TikTok räknar ut det från din IP-adress, eller från GPS om du har gett tillåtelse.',
  'home.category.your-content': 'Ditt innehåll',
  'home.category.your-content.about':
    'Det du skapar och skickar: videor, ljud, kommentarer, LIVE-sändningar och meddelanden, med uppgifterna som hör till dem.',
  'home.category.purchases': 'Köp',
  'home.category.purchases.about':
    'Det du köper och betalar för: betalkort, fakturerings- och leveransadresser, beställningar, belopp och tidpunkter.',
  'home.category.contacts': 'Kontakter',
  'home.category.contacts.about':
    'De personer du har kontakt med på TikTok, och kontakterna från din telefon eller andra nätverk om du väljer att synka dem.',
  'home.category.personal-information': 'Personuppgifter',
  'home.category.personal-information.about':
    'Uppgifterna om ditt konto: namn, användarnamn, födelsedag, e-postadress, telefonnummer, presentation, bild och inställningar.',
  'home.category.usage': 'Hur du använder TikTok',
  'home.category.usage.about':
    'Det du gör i appen: vilka videor du tittar på, gillar och sparar, vad du söker efter och hur du interagerar.',
  'home.category.third-parties': 'Uppgifter från andra företag',
  'home.category.third-parties.about':
    'Det andra företag berättar för TikTok om dig: inloggning via sociala medier, annonsörer och vad du gör i deras appar och på deras webbplatser.',
  'home.category.device': 'Enhet',
  'home.category.device.about':
    'Telefonen eller datorn du använder: modell och identifierare, operativsystem, nätverk, IP-adress och tidszon.',

  'home.missing.id-document':
    'Bilden på din id-handling, om du har skickat en för att verifiera ditt konto eller din ålder. Den finns inte med i någon export som Footprint känner till.',
  'home.missing.gps-location':
    'Exakt GPS-position, som TikTok kan samla in om du har gett tillåtelse. Exporten visar högst din senaste plats.',
  'home.missing.clipboard': 'Innehållet i ditt urklipp, som TikToks integritetspolicy räknar till ditt innehåll.',
  'home.missing.synced-contacts':
    'Namn, telefonnummer och e-postadresser från kontakterna i din telefon, om du har synkat dem.',
  'home.missing.keystroke-patterns': 'Dina tangenttryckningsmönster, alltså hur du skriver och inte bara vad.',
  'home.missing.partner-data':
    'Det som annonsörer och offentliga källor har berättat för TikTok om dig, utöver den aktivitet i andra appar och på webbplatser som exporten visar.',
  'home.missing.device-details':
    'Alla uppgifter om dina enheter. TikTok samlar in modell och id, webbläsare, nätverk, mobiloperatör, operativsystem och tidszon, men exporten visar bara en del av dem.',
  'home.missing.recipients':
    'Vilka TikTok har delat dina uppgifter med, till exempel leverantörer, samarbetspartner, betaltjänster, annonsörer eller polis och andra myndigheter.',
  'home.missing.others-privacy':
    'Uppgifter som också rör andra personer. Enligt TikTok kan en del av dem utelämnas för att skydda deras integritet.',
  'home.missing.last-days':
    'De senaste 24–48 timmarna av vissa uppgifter, eftersom de kanske inte hade hunnit behandlas när exporten skapades.',

  'home.claim.dm-not-end-to-end':
    'Enligt TikTok krypteras direktmeddelanden när de skickas och när de lagras, men inte med totalsträckskryptering (end-to-end). TikTok kan alltså läsa dem, till exempel när en domstol eller myndighet kräver det eller för att upprätthålla sina riktlinjer.',
  'home.claim.storage-location':
    'Enligt TikTok har uppgifter om användare i USA lagrats i USA och Singapore. Trafiken från USA går nu till Oracles moln i USA, och TikTok planerar att radera privata uppgifter om användare i USA från sina egna datacenter.',
  'home.claim.employee-access':
    'Enligt TikTok kan tekniker runt om i världen, även i Kina, få tillgång till användaruppgifter under kontroller som ett säkerhetsteam i USA övervakar.',
  'home.claim.retention':
    'Enligt TikTok sparas uppgifterna så länge de behövs för tjänsten, för affärsändamål, för att följa lagar och för rättsliga anspråk.',
  'home.claim.no-mac-address': 'Enligt TikTok samlar den nuvarande appen inte in MAC-adresser.',
  'home.claim.not-sold':
    'Enligt TikTok säljs inte personuppgifter och de delas inte för riktad reklam över olika tjänster där lagen begränsar det.',

  'home.source.tiktok-help': 'TikToks hjälpcenter',
  'home.source.tiktok-faq': 'TikToks vanliga frågor',
  'home.source.portability-news': 'en nyhetsartikel',
  'home.source.privacy-guide': 'en integritetsguide',
  'home.source.download-article': 'en artikel',

  'home.nav': 'Hem',
  'home.page.title': 'Dina uppgifter hos TikTok',
  'home.charts.title': 'Dina uppgifter i bilder',
  'home.page.intro':
    'Från din senaste export, {name} (exporterad {date}): {records, plural, one {# post} other {# poster}} i {datasets, plural, one {# datamängd} other {# datamängder}}, varav {fresh, plural, one {# ny} other {# nya}} i ditt arkiv.',
  'home.page.dateUnknown': 'okänt datum',
  'home.page.open': 'Öppna exporten',
  'home.page.empty': 'Importera en export för att se vad TikTok har om dig.',
  'home.page.failed': 'Startsidan gick inte att läsa.',
  'home.todo.title': 'Att göra',
  'home.todo.alerts': '{n, plural, =0 {Inget att kontrollera} one {# sak att kontrollera} other {# saker att kontrollera}}',
  'home.todo.alerts.since': 'sedan exporten före',
  'home.todo.alerts.one': 'Bara en export, så inget att jämföra med än',
  'home.todo.settings': '{n, plural, =0 {Ingen inställning har blivit mindre privat} one {# inställning har blivit mindre privat} other {# inställningar har blivit mindre privata}}',
  'home.todo.apps': '{n, plural, =0 {Inga appar behöver ses över} one {# app behöver ses över} other {# appar behöver ses över}}',
  'home.todo.apps.hint': 'Appar som du har gett tillgång till dina uppgifter på TikTok',
  'home.todo.checklist': '{done} av {total} steg i checklistorna klara',
  'home.todo.first': 'Gör först: {title}',
  'home.todo.noFirst': 'Inget steg väntar',
  'home.fresh.title': 'Dags för en ny export',
  'home.fresh.due':
    'Din senaste export är {days, plural, one {# dag} other {# dagar}} gammal, alltså äldre än {chosen, select, yes {de {interval} dagar du har valt} other {{interval} dagar, som Footprint föreslår}}. Begär en ny från TikTok och importera den här.',
  'home.fresh.none': 'Du har inte importerat någon export än. Begär en från TikTok och importera den här.',
  'home.fresh.ok': 'Din senaste export är {days, plural, one {# dag} other {# dagar}} gammal. En ny behövs efter {interval} dagar.',
  'home.fresh.steps': 'Så får du den, enligt TikToks hjälpcenter',
  'home.fresh.app': 'I appen: {path}',
  'home.fresh.web': 'På webben: {path}',
  'home.has.title': 'Det här har TikTok om dig',
  'home.has.intro': 'Sorterat efter kategorierna i TikToks integritetspolicy, de känsligaste först.',
  'home.has.records': '{n, plural, one {# post} other {# poster}}',
  'home.has.new': '{n, plural, one {# ny} other {# nya}}',
  'home.has.newHint': 'nya i ditt arkiv med den här exporten',
  'home.has.datasets': 'Datamängder',
  'home.has.nothing': 'Inget i den här exporten',
  'home.has.empty': '{n, plural, one {# datamängd} other {# datamängder}} utan innehåll i den här exporten',
  'home.has.emptyIntro': 'TikTok kan exportera de här, men din senaste export innehöll inget i dem.',
  'home.notShown.title': 'Det här visar exporten inte',
  'home.notShown.intro': 'Enligt TikTok samlas mer in än vad exporten innehåller. Exporten visar alltså inte hela bilden.',
  'home.notShown.source': 'Källa: {sources}',
  'home.claims.title': 'Det här säger TikTok om dina uppgifter',
  'home.claims.about': 'Gäller: {datasets}',
};
