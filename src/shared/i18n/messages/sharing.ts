// Messages of the sharing area: third-party apps and what they can see (resources/sharing/scopes.json
// holds the ids and these keys). Prefixes: scope.* (each permission, its product, what the docs
// leave unclear), app.* (risks, claims, access, review, exposure), party.* (access that needs no
// grant from you), revoke.* (how to take access back, and what that does not do). Swedish is
// written as Swedish privacy texts read (IMY, 1177), not word for word.
export const en = {
  // the products a scope belongs to (TikTok's own product names)
  'scope.product.login-kit': 'Login Kit (log in with TikTok)',
  'scope.product.display-api': 'Display API (show your TikTok profile and videos)',
  'scope.product.content-posting': 'Content Posting API (post to TikTok)',
  'scope.product.data-portability': 'Data Portability API (copy your data to another service, EEA and UK only)',

  // each scope: a short name and what it means in plain words
  'scope.user.info.basic.title': 'Your basic profile',
  'scope.user.info.basic.meaning':
    'The app sees your display name and profile picture, and gets an id for you. TikTok adds this permission to every app you log in to with TikTok; you cannot turn it off. The id is the same in every app from the same developer, so that developer can tell it is you in all of them.',
  'scope.user.info.profile.title': 'Your profile details',
  'scope.user.info.profile.meaning':
    'The app sees your username, your bio, links to your profile and whether your account is verified.',
  'scope.user.info.stats.title': 'Your numbers',
  'scope.user.info.stats.meaning':
    'The app sees how many followers you have, how many accounts you follow, how many videos you have posted and how many likes they have. It sees the numbers, not the people.',
  'scope.video.list.title': 'Your public videos',
  'scope.video.list.meaning':
    'The app can list and read the videos you have posted publicly. It does not see private videos or drafts.',
  'scope.video.upload.title': 'Send drafts to your account',
  'scope.video.upload.meaning':
    'The app can send videos to your TikTok account as drafts. Nothing is published until you finish the post in TikTok yourself.',
  'scope.video.publish.title': 'Post on your behalf',
  'scope.video.publish.meaning':
    'The app can publish videos directly on your profile, without you finishing the post in TikTok. Apps TikTok has not reviewed can only post privately (visible to you alone); reviewed apps can post publicly.',
  'scope.portability.postsandprofile.single.title': 'One copy of your posts and profile',
  'scope.portability.postsandprofile.single.meaning':
    'The app can ask TikTok once for a copy of your profile (including email, phone number and date of birth if you gave them), your posts, and who follows you and whom you follow.',
  'scope.portability.postsandprofile.ongoing.title': 'Repeated copies of your posts and profile',
  'scope.portability.postsandprofile.ongoing.meaning':
    'The app can ask TikTok for a copy of your profile (including email, phone number and date of birth if you gave them), your posts, and who follows you and whom you follow, again and again, until you remove its access.',
  'scope.portability.activity.single.title': 'One copy of your activity',
  'scope.portability.activity.single.meaning':
    'The app can ask TikTok once for a copy of what you have done on TikTok: videos you watched, liked, saved and commented on, your searches, gifts you bought, places you reviewed and your most recent location.',
  'scope.portability.activity.ongoing.title': 'Repeated copies of your activity',
  'scope.portability.activity.ongoing.meaning':
    'The app can ask TikTok, again and again until you remove its access, for a copy of what you do on TikTok: videos you watch, like, save and comment on, your searches, gifts you buy, places you review and your most recent location.',
  'scope.portability.directmessages.single.title': 'One copy of your direct messages',
  'scope.portability.directmessages.single.meaning':
    'The app can ask TikTok once for a copy of your direct messages: every conversation, with what you and the other people wrote and when.',
  'scope.portability.directmessages.ongoing.title': 'Repeated copies of your direct messages',
  'scope.portability.directmessages.ongoing.meaning':
    'The app can ask TikTok for a copy of your direct messages (every conversation, with what you and the other people wrote and when) again and again, until you remove its access.',
  'scope.portability.all.single.title': 'One copy of everything',
  'scope.portability.all.single.meaning':
    'The app can ask TikTok once for your full archive: the same as "Download your data", including your messages, the IP addresses and devices you logged in from, your device ids, settings, ad data and shop orders.',
  'scope.portability.all.ongoing.title': 'Repeated copies of everything',
  'scope.portability.all.ongoing.meaning':
    'The app can ask TikTok for your full archive again and again until you remove its access: the same as "Download your data", including your messages, the IP addresses and devices you logged in from, your device ids, settings, ad data and shop orders.',

  // what TikTok's documentation leaves unclear
  'scope.unclear.ongoing-end':
    'TikTok’s documentation gives no end date for ongoing access. In practice it lasts as long as the app can renew its login to your account, or until you remove its access.',
  'scope.unclear.token-lifetime':
    'How long an app stays connected without you is unclear: TikTok’s older documentation says its login lasts 365 days, the newer says 180 days but lets the app renew it.',
  'scope.unclear.activity-contents':
    'TikTok lists "purchase history", "gifts" and "hashtags" under activity without saying which parts of your export they are; Footprint assumes gifts and the hashtags in your posts. Share and login history are listed only under the full archive.',
  'scope.unclear.location-availability': 'TikTok says your most recent location is "not available in most countries".',
  'scope.unclear.profile-likes': 'TikTok lists "likes" in the profile data without saying whether it is a number or a list of videos.',
  'scope.unclear.full-archive-contents':
    'TikTok describes the full archive in broad groups; Footprint assumes it holds everything your own export holds.',

  // who says so
  'scope.source.tiktok-developers': 'TikTok’s developer documentation',
  'scope.source.tiktok-help': 'TikTok’s Help Center',
  'scope.source.tiktok-newsroom': 'TikTok’s newsroom',
  'scope.source.tiktok-rules': 'TikTok’s rules',
  'scope.source.privacy-guide': 'a privacy guide',
  'scope.source.integrator': 'an app developer’s help page',
  'scope.source.research': 'a research report',
  'scope.source.news': 'a news article',

  // how much of a dataset a scope hands over
  'scope.part.all': 'All of it',
  'scope.part.some': 'Some details',
  'scope.part.public': 'Only what is public',
  'scope.part.count': 'Only how many',

  // risk reasons (from scopes, and from what you tell Footprint about the app)
  'app.risk.cross-app-id': 'The developer gets an id for you that is the same in all of its apps, so it can connect what you do in each of them.',
  'app.risk.profile-details': 'It sees your username and bio, which can identify you outside TikTok.',
  'app.risk.audience-counts': 'It sees how many followers and videos you have.',
  'app.risk.public-videos': 'It can collect all your public videos in one place.',
  'app.risk.sends-drafts': 'It can put videos among your drafts; you decide whether they are posted.',
  'app.risk.posts-on-your-behalf': 'It can post on your profile in your name, without asking you each time.',
  'app.risk.contact-details': 'It gets your email, phone number and date of birth, if you gave them to TikTok.',
  'app.risk.social-graph': 'It gets the full lists of who follows you and whom you follow: information about other people too.',
  'app.risk.activity-history': 'It gets your watch, like and search history, which says a lot about your interests, habits and beliefs.',
  'app.risk.repeated-full-copies': 'It can ask again and again, and each time it gets a full copy, not only what is new. TikTok gives no end date.',
  'app.risk.ongoing-activity': 'It can keep following what you watch and search for, for as long as it has access.',
  'app.risk.direct-messages': 'It gets your direct messages, including what other people wrote to you. They never agreed to that.',
  'app.risk.ongoing-direct-messages': 'It can keep reading your direct messages, new ones included, for as long as it has access.',
  'app.risk.full-archive': 'It gets everything TikTok has on you, including the IP addresses and devices you logged in from, your device ids and your shop orders.',
  'app.risk.scopes-unknown': 'You have not noted what this app may do, so Footprint cannot tell how much it can see. Check it in TikTok.',
  'app.risk.claim-who-viewed':
    'It promised to show who viewed or downloaded your videos. TikTok gives no app that information, so the promise cannot be true.',
  'app.risk.claim-free-followers':
    'It promised free followers, likes or coins. That is against TikTok’s rules, and TikTok warns that such offers are a known way to steal logins.',
  'app.risk.claim-asked-password':
    'It asked for your TikTok password in its own form. Real TikTok logins happen on TikTok’s own page; change your password now.',

  // what you can tell Footprint the app promised or did
  'app.claim.who-viewed': 'It promised to show who viewed or downloaded my videos',
  'app.claim.free-followers': 'It promised free followers, likes or coins',
  'app.claim.asked-password': 'It asked for my TikTok password in its own form',

  'app.level.low': 'Low risk',
  'app.level.medium': 'Medium risk',
  'app.level.high': 'High risk',
  'app.access.one-time': 'One-time access',
  'app.access.ongoing': 'Ongoing access',
  'app.access.derived': 'Follows from the permissions you noted.',
  'app.access.editable': 'You have not noted any permissions, so choose whether the access is one-time or ongoing.',

  // review
  'app.review.due': '{days, plural, =0 {Due for review today} one {Review overdue by # day} other {Review overdue by # days}}',
  'app.review.next': '{days, plural, =0 {Review today} one {Review tomorrow} other {Review in # days}}',
  'app.review.one-time': 'One-time access: nothing to review again.',
  'app.review.revoked': 'Access removed.',
  'app.review.interval': '{days, plural, one {Review every day} other {Review every # days}}',

  // what a set of permissions would hand over, measured on your archive
  'app.exposure.records': '{records, plural, =0 {Nothing in your archive yet} one {# record} other {# records}}',
  'app.exposure.count': 'Only the number: {records, number}',
  'app.exposure.partners': 'Conversations with {partners, plural, one {# person} other {# people}}',
  'app.exposure.countries': 'Logins from {countries, plural, one {# country} other {# countries}}',
  'app.exposure.repeats': 'With ongoing access the app can ask again and again, and each time it gets all of this again, not only what is new.',
  'app.exposure.once': 'With one-time access the app gets this once.',
  'app.exposure.writes.drafts': 'It can also send drafts to your account.',
  'app.exposure.writes.posts': 'It can also post on your profile.',

  // access that needs no grant from you
  'party.no-grant.intro':
    'Some of TikTok’s interfaces need no permission from you: approved researchers, and approved developers looking at ads, reach public data directly. They never appear among your connected apps, and there is nothing to remove.',
  'party.no-grant.advice':
    'What you can do: make your account private, and limit who can see your liked videos and your following list.',
  'party.research-api.title': 'TikTok’s Research API',
  'party.research-api.text':
    'Approved non-profit researchers can read public accounts: videos shown to everyone, comments, bio, profile picture, liked, reposted and pinned videos, follower counts and who follows whom. TikTok says the videos come only from creators aged 18 and over.',
  'party.commercial-content-api.title': 'TikTok’s Commercial Content API',
  'party.commercial-content-api.text': 'Anyone approved can read public information about ads and commercial content on TikTok.',
  'party.unclear.research-visibility':
    'It is not documented whether researchers see your liked videos and following list when you have hidden them.',

  // taking access back
  'revoke.where': 'In the TikTok app on your phone:',
  'revoke.step.profile': 'Tap {label} at the bottom.',
  'revoke.step.menu': 'Tap the menu {label} at the top.',
  'revoke.step.settings': 'Tap “{label}”.',
  'revoke.step.security': 'Tap “{label}”.',
  'revoke.step.apps': 'Tap “{label}”.',
  'revoke.step.app': 'Tap the app.',
  'revoke.step.remove': 'Tap “{label}” and confirm.',
  'revoke.variants': 'In some versions of the app it is called {labels}.',
  'revoke.after.stops': 'The app can no longer ask TikTok for anything new, and it disappears from your connected apps.',
  'revoke.after.keeps-copies': 'Removing access does not delete what the app has already copied. That copy stays with the app.',
  'revoke.after.ask-deletion':
    'To have it deleted, ask the app. Apps that copy your data through TikTok’s Data Portability API must publish how you make such a request, and under the GDPR you can ask them to erase your data.',
  'revoke.after.disconnect-in-app': 'If the app has a “Disconnect TikTok” button, that also removes its access.',
  'revoke.unclear.pending-export':
    'It is not documented whether a copy TikTok had already prepared for the app (kept for four days) can still be downloaded after you remove access.',
  'revoke.unclear.mobile-only': 'One app developer says access can only be removed in the mobile app, not on the web. TikTok has not confirmed it.',
  'revoke.unclear.labels': 'TikTok renames its menus often; the names may differ in your version of the app.',

  // parties the exports show (analysis/parties.ts): kinds, directions, unnamed partners, what to do
  'party.kind.off-tiktok-source': 'Activity from another app or website',
  'party.kind.data-partner': 'Data partner',
  'party.kind.advertiser': 'Advertiser with data about you',
  'party.kind.linked-platform': 'Linked platform',
  'party.kind.third-party-info': 'Information from other platforms',
  'party.kind.ad-visits': 'Advertiser whose ad you opened',
  'party.kind.ad-interests': 'Advertisers targeting your interests',
  'party.kind.instant-forms': 'Advertisers you sent a form to',
  'party.kind.share-destination': 'Where you shared',
  'party.kind.shop-seller': 'Shop seller',
  'party.kind.app': 'App you gave access',
  'party.direction.to-party': 'your data goes to them',
  'party.direction.from-party': 'they send TikTok data about you',
  'party.unnamed': 'an unnamed partner (id {id})',
  'party.unnamed.why': 'TikTok writes this partner’s number in its own systems instead of a name, so the export does not say who it is.',
  'party.action.disconnect-off-tiktok': 'In TikTok: Settings and privacy › Privacy › Off-TikTok activity: clear it and turn off future activity.',
  'party.action.ads-from-partners-off': 'In TikTok: Settings and privacy › Ads: turn off ads based on data from partners.',
  'party.action.personalized-ads-off': 'In TikTok: Settings and privacy › Ads: turn off personalised ads.',
  'party.action.unlink-platform': 'Unlink the platform in TikTok (Settings and privacy › Account), and remove TikTok in that platform’s own settings.',
  'party.action.ask-advertiser': 'Ask the advertiser what it keeps about you and to erase it (GDPR).',
  'party.action.ask-seller': 'Ask the seller what it keeps about you (name, address, phone) and to erase what it no longer needs.',
  'party.action.revoke-app': 'Remove the app’s access in TikTok, then note the day here.',
} as const;

export const sv: Record<keyof typeof en, string> = {
  'scope.product.login-kit': 'Login Kit (logga in med TikTok)',
  'scope.product.display-api': 'Display API (visa din TikTok-profil och dina videor)',
  'scope.product.content-posting': 'Content Posting API (publicera på TikTok)',
  'scope.product.data-portability': 'Data Portability API (flytta dina uppgifter till en annan tjänst, bara inom EES och Storbritannien)',

  'scope.user.info.basic.title': 'Grundläggande profiluppgifter',
  'scope.user.info.basic.meaning':
    'Appen ser ditt visningsnamn och din profilbild och får en id-kod för dig. TikTok lägger till den här behörigheten i alla appar där du loggar in med TikTok, och du kan inte välja bort den. Id-koden är densamma i alla appar från samma utvecklare, så utvecklaren kan se att det är du i alla dem.',
  'scope.user.info.profile.title': 'Profiluppgifter',
  'scope.user.info.profile.meaning':
    'Appen ser ditt användarnamn, din profiltext, länkar till din profil och om ditt konto är verifierat.',
  'scope.user.info.stats.title': 'Dina siffror',
  'scope.user.info.stats.meaning':
    'Appen ser hur många följare du har, hur många konton du följer, hur många videor du har publicerat och hur många gillamarkeringar de har fått. Den ser antalet, inte personerna.',
  'scope.video.list.title': 'Dina offentliga videor',
  'scope.video.list.meaning': 'Appen kan se och läsa de videor du har publicerat offentligt. Privata videor och utkast ser den inte.',
  'scope.video.upload.title': 'Skicka utkast till ditt konto',
  'scope.video.upload.meaning':
    'Appen kan skicka videor till ditt TikTok-konto som utkast. Ingenting publiceras förrän du själv gör klart inlägget i TikTok.',
  'scope.video.publish.title': 'Publicera i ditt namn',
  'scope.video.publish.meaning':
    'Appen kan publicera videor direkt på din profil, utan att du gör klart inlägget i TikTok. Appar som TikTok inte har granskat kan bara publicera privat (synligt bara för dig); granskade appar kan publicera offentligt.',
  'scope.portability.postsandprofile.single.title': 'En kopia av dina inlägg och din profil',
  'scope.portability.postsandprofile.single.meaning':
    'Appen kan be TikTok en gång om en kopia av din profil (med e-postadress, telefonnummer och födelsedatum om du har lämnat dem), dina inlägg och vilka som följer dig och vilka du följer.',
  'scope.portability.postsandprofile.ongoing.title': 'Upprepade kopior av dina inlägg och din profil',
  'scope.portability.postsandprofile.ongoing.meaning':
    'Appen kan be TikTok om en kopia av din profil (med e-postadress, telefonnummer och födelsedatum om du har lämnat dem), dina inlägg och vilka som följer dig och vilka du följer, om och om igen tills du tar bort appens åtkomst.',
  'scope.portability.activity.single.title': 'En kopia av din aktivitet',
  'scope.portability.activity.single.meaning':
    'Appen kan be TikTok en gång om en kopia av vad du har gjort på TikTok: videor du har tittat på, gillat, sparat och kommenterat, dina sökningar, gåvor du har köpt, platser du har recenserat och var du senast befann dig.',
  'scope.portability.activity.ongoing.title': 'Upprepade kopior av din aktivitet',
  'scope.portability.activity.ongoing.meaning':
    'Appen kan be TikTok om en kopia av vad du gör på TikTok, om och om igen tills du tar bort appens åtkomst: videor du tittar på, gillar, sparar och kommenterar, dina sökningar, gåvor du köper, platser du recenserar och var du senast befann dig.',
  'scope.portability.directmessages.single.title': 'En kopia av dina direktmeddelanden',
  'scope.portability.directmessages.single.meaning':
    'Appen kan be TikTok en gång om en kopia av dina direktmeddelanden: alla konversationer, med vad du och de andra skrev och när.',
  'scope.portability.directmessages.ongoing.title': 'Upprepade kopior av dina direktmeddelanden',
  'scope.portability.directmessages.ongoing.meaning':
    'Appen kan be TikTok om en kopia av dina direktmeddelanden (alla konversationer, med vad du och de andra skrev och när) om och om igen, tills du tar bort appens åtkomst.',
  'scope.portability.all.single.title': 'En kopia av allt',
  'scope.portability.all.single.meaning':
    'Appen kan be TikTok en gång om hela ditt arkiv: samma som när du själv laddar ner dina uppgifter, med dina meddelanden, IP-adresserna och enheterna du loggat in från, enhetens id-nummer, inställningar, annonsuppgifter och beställningar i butiken.',
  'scope.portability.all.ongoing.title': 'Upprepade kopior av allt',
  'scope.portability.all.ongoing.meaning':
    'Appen kan be TikTok om hela ditt arkiv om och om igen tills du tar bort appens åtkomst: samma som när du själv laddar ner dina uppgifter, med dina meddelanden, IP-adresserna och enheterna du loggat in från, enhetens id-nummer, inställningar, annonsuppgifter och beställningar i butiken.',

  'scope.unclear.ongoing-end':
    'TikToks dokumentation anger inget slutdatum för fortlöpande åtkomst. I praktiken varar den så länge appen kan förnya sin inloggning till ditt konto, eller tills du tar bort åtkomsten.',
  'scope.unclear.token-lifetime':
    'Det är oklart hur länge en app förblir ansluten utan dig: enligt TikToks äldre dokumentation gäller inloggningen i 365 dagar, enligt den nyare i 180 dagar, men appen kan förnya den.',
  'scope.unclear.activity-contents':
    'TikTok räknar upp ”köphistorik”, ”gåvor” och ”hashtaggar” under aktivitet utan att säga vilka delar av exporten det gäller. Footprint utgår från gåvor och hashtaggarna i dina inlägg. Delnings- och inloggningshistorik finns bara med i hela arkivet.',
  'scope.unclear.location-availability': 'Enligt TikTok finns din senaste plats ”inte tillgänglig i de flesta länder”.',
  'scope.unclear.profile-likes': 'TikTok nämner ”gillamarkeringar” bland profiluppgifterna utan att säga om det är ett antal eller en lista med videor.',
  'scope.unclear.full-archive-contents':
    'TikTok beskriver hela arkivet i grova drag. Footprint utgår från att det innehåller allt som finns i din egen export.',

  'scope.source.tiktok-developers': 'TikToks dokumentation för utvecklare',
  'scope.source.tiktok-help': 'TikToks hjälpcenter',
  'scope.source.tiktok-newsroom': 'TikToks pressrum',
  'scope.source.tiktok-rules': 'TikToks regler',
  'scope.source.privacy-guide': 'en integritetsguide',
  'scope.source.integrator': 'en apputvecklares hjälpsida',
  'scope.source.research': 'en forskningsrapport',
  'scope.source.news': 'en nyhetsartikel',

  'scope.part.all': 'Allt',
  'scope.part.some': 'Vissa uppgifter',
  'scope.part.public': 'Bara det som är offentligt',
  'scope.part.count': 'Bara antalet',

  'app.risk.cross-app-id': 'Utvecklaren får en id-kod för dig som är densamma i alla dess appar, och kan därför koppla ihop vad du gör i var och en av dem.',
  'app.risk.profile-details': 'Appen ser ditt användarnamn och din profiltext, som kan avslöja vem du är även utanför TikTok.',
  'app.risk.audience-counts': 'Appen ser hur många följare och videor du har.',
  'app.risk.public-videos': 'Appen kan samla alla dina offentliga videor på ett ställe.',
  'app.risk.sends-drafts': 'Appen kan lägga videor bland dina utkast. Du bestämmer själv om de publiceras.',
  'app.risk.posts-on-your-behalf': 'Appen kan publicera på din profil i ditt namn, utan att fråga dig varje gång.',
  'app.risk.contact-details': 'Appen får din e-postadress, ditt telefonnummer och ditt födelsedatum, om du har lämnat dem till TikTok.',
  'app.risk.social-graph': 'Appen får hela listorna över vilka som följer dig och vilka du följer, alltså uppgifter om andra personer också.',
  'app.risk.activity-history':
    'Appen får din historik över vad du tittat på, gillat och sökt efter. Den säger mycket om dina intressen, vanor och åsikter.',
  'app.risk.repeated-full-copies':
    'Appen kan fråga om och om igen, och får varje gång en fullständig kopia, inte bara det som är nytt. TikTok anger inget slutdatum.',
  'app.risk.ongoing-activity': 'Appen kan fortsätta följa vad du tittar på och söker efter så länge den har åtkomst.',
  'app.risk.direct-messages': 'Appen får dina direktmeddelanden, också det som andra har skrivit till dig. De har aldrig gått med på det.',
  'app.risk.ongoing-direct-messages': 'Appen kan fortsätta läsa dina direktmeddelanden, även nya, så länge den har åtkomst.',
  'app.risk.full-archive':
    'Appen får allt TikTok har om dig, bland annat IP-adresserna och enheterna du loggat in från, enhetens id-nummer och dina beställningar i butiken.',
  'app.risk.scopes-unknown':
    'Du har inte angett vad appen får göra, så Footprint kan inte bedöma hur mycket den ser. Kontrollera det i TikTok.',
  'app.risk.claim-who-viewed':
    'Appen lovade att visa vem som har sett eller laddat ner dina videor. Den uppgiften lämnar TikTok inte ut till någon app, så löftet kan inte stämma.',
  'app.risk.claim-free-followers':
    'Appen lovade gratis följare, gillamarkeringar eller mynt. Det strider mot TikToks regler, och TikTok varnar för att sådana erbjudanden är ett känt sätt att stjäla inloggningsuppgifter.',
  'app.risk.claim-asked-password':
    'Appen bad om ditt TikTok-lösenord i ett eget formulär. En riktig inloggning med TikTok sker på TikToks egen sida. Byt lösenord nu.',

  'app.claim.who-viewed': 'Den lovade att visa vem som har sett eller laddat ner mina videor',
  'app.claim.free-followers': 'Den lovade gratis följare, gillamarkeringar eller mynt',
  'app.claim.asked-password': 'Den bad om mitt TikTok-lösenord i ett eget formulär',

  'app.level.low': 'Låg risk',
  'app.level.medium': 'Medelhög risk',
  'app.level.high': 'Hög risk',
  'app.access.one-time': 'Engångsåtkomst',
  'app.access.ongoing': 'Fortlöpande åtkomst',
  'app.access.derived': 'Följer av de behörigheter du har angett.',
  'app.access.editable': 'Du har inte angett några behörigheter, så välj om åtkomsten gäller en gång eller fortlöpande.',

  'app.review.due': '{days, plural, =0 {Dags att se över i dag} one {Skulle ha setts över för # dag sedan} other {Skulle ha setts över för # dagar sedan}}',
  'app.review.next': '{days, plural, =0 {Se över i dag} one {Se över i morgon} other {Se över om # dagar}}',
  'app.review.one-time': 'Engångsåtkomst: inget att se över igen.',
  'app.review.revoked': 'Åtkomsten är borttagen.',
  'app.review.interval': '{days, plural, one {Se över varje dag} other {Se över var #:e dag}}',

  'app.exposure.records': '{records, plural, =0 {Inget i ditt arkiv ännu} one {# post} other {# poster}}',
  'app.exposure.count': 'Bara antalet: {records, number}',
  'app.exposure.partners': 'Konversationer med {partners, plural, one {# person} other {# personer}}',
  'app.exposure.countries': 'Inloggningar från {countries, plural, one {# land} other {# länder}}',
  'app.exposure.repeats':
    'Med fortlöpande åtkomst kan appen fråga om och om igen, och får varje gång allt det här på nytt, inte bara det som har tillkommit.',
  'app.exposure.once': 'Med engångsåtkomst får appen det här en gång.',
  'app.exposure.writes.drafts': 'Appen kan dessutom skicka utkast till ditt konto.',
  'app.exposure.writes.posts': 'Appen kan dessutom publicera på din profil.',

  'party.no-grant.intro':
    'Vissa av TikToks gränssnitt kräver inget godkännande från dig: godkända forskare, och godkända utvecklare som granskar annonser, kommer direkt åt offentliga uppgifter. De syns aldrig bland dina anslutna appar, och det finns ingenting att ta bort.',
  'party.no-grant.advice': 'Det du kan göra: gör ditt konto privat och begränsa vem som kan se dina gillade videor och vilka du följer.',
  'party.research-api.title': 'TikToks forskar-API (Research API)',
  'party.research-api.text':
    'Godkända ideella forskare kan läsa offentliga konton: videor som visas för alla, kommentarer, profiltext, profilbild, gillade, återpublicerade och fästa videor, antal följare och vem som följer vem. Enligt TikTok kommer videorna bara från kreatörer som är 18 år eller äldre.',
  'party.commercial-content-api.title': 'TikToks API för kommersiellt innehåll (Commercial Content API)',
  'party.commercial-content-api.text': 'Den som har fått godkännande kan läsa offentliga uppgifter om annonser och kommersiellt innehåll på TikTok.',
  'party.unclear.research-visibility':
    'Det framgår inte om forskare ser dina gillade videor och vilka du följer när du har dolt dem.',

  'revoke.where': 'I TikTok-appen i mobilen:',
  'revoke.step.profile': 'Tryck på ”{label}” (Profil) längst ner.',
  'revoke.step.menu': 'Tryck på menyn {label} högst upp.',
  'revoke.step.settings': 'Tryck på ”{label}” (inställningar och integritet).',
  'revoke.step.security': 'Tryck på ”{label}” (säkerhet och behörigheter).',
  'revoke.step.apps': 'Tryck på ”{label}” (behörigheter för appar och tjänster).',
  'revoke.step.app': 'Tryck på appen.',
  'revoke.step.remove': 'Tryck på ”{label}” (ta bort åtkomst) och bekräfta.',
  'revoke.variants': 'I vissa versioner av appen heter det {labels}.',
  'revoke.after.stops': 'Appen kan inte längre hämta något nytt från TikTok, och den försvinner från dina anslutna appar.',
  'revoke.after.keeps-copies': 'När du tar bort åtkomsten raderas inte det som appen redan har kopierat. Den kopian finns kvar hos appen.',
  'revoke.after.ask-deletion':
    'Vill du att uppgifterna raderas måste du be appen om det. Appar som kopierar dina uppgifter via TikToks Data Portability API måste tala om hur du gör en sådan begäran, och enligt dataskyddsförordningen (GDPR) kan du begära att de raderar dina uppgifter.',
  'revoke.after.disconnect-in-app': 'Om appen har en knapp för att koppla från TikTok tar den också bort åtkomsten.',
  'revoke.unclear.pending-export':
    'Det framgår inte om appen fortfarande kan ladda ner en kopia som TikTok redan hade tagit fram (den sparas i fyra dagar) efter att du har tagit bort åtkomsten.',
  'revoke.unclear.mobile-only':
    'Enligt en apputvecklare går åtkomsten bara att ta bort i mobilappen, inte på webben. TikTok har inte bekräftat det.',
  'revoke.unclear.labels':
    'TikTok byter ofta namn på menyerna, och namnen kan vara andra i din version av appen. Menynamnen här är TikToks engelska; i en svensk app står de på svenska.',

  'party.kind.off-tiktok-source': 'Aktivitet från en annan app eller webbplats',
  'party.kind.data-partner': 'Datapartner',
  'party.kind.advertiser': 'Annonsör med uppgifter om dig',
  'party.kind.linked-platform': 'Länkad plattform',
  'party.kind.third-party-info': 'Uppgifter från andra plattformar',
  'party.kind.ad-visits': 'Annonsör vars annons du öppnade',
  'party.kind.ad-interests': 'Annonsörer som riktar sig till dina intressen',
  'party.kind.instant-forms': 'Annonsörer du skickade ett formulär till',
  'party.kind.share-destination': 'Där du delade',
  'party.kind.shop-seller': 'Säljare i butiken',
  'party.kind.app': 'App som du gav åtkomst',
  'party.direction.to-party': 'dina uppgifter går till dem',
  'party.direction.from-party': 'de skickar uppgifter om dig till TikTok',
  'party.unnamed': 'en namnlös partner (id {id})',
  'party.unnamed.why': 'TikTok skriver partnerns nummer i sina egna system i stället för ett namn, så exporten säger inte vem det är.',
  'party.action.disconnect-off-tiktok': 'I TikTok: Inställningar och integritet › Integritet › Aktivitet utanför TikTok: rensa den och stäng av framtida aktivitet.',
  'party.action.ads-from-partners-off': 'I TikTok: Inställningar och integritet › Annonser: stäng av annonser baserade på uppgifter från partner.',
  'party.action.personalized-ads-off': 'I TikTok: Inställningar och integritet › Annonser: stäng av anpassade annonser.',
  'party.action.unlink-platform': 'Koppla bort plattformen i TikTok (Inställningar och integritet › Konto) och ta bort TikTok i plattformens egna inställningar.',
  'party.action.ask-advertiser': 'Fråga annonsören vad den sparar om dig och begär att den raderar det (GDPR).',
  'party.action.ask-seller': 'Fråga säljaren vad den sparar om dig (namn, adress, telefon) och begär att den raderar det den inte längre behöver.',
  'party.action.revoke-app': 'Ta bort appens åtkomst i TikTok och ange sedan dagen här.',
};
