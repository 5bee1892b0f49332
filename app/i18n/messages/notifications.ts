// Follows and notifications (issue 16, decision record 035): the follow button, the notification
// list, the delivery settings, the unsubscribe page and the notification mails.

const sv = {
  'notifications.kind.call_published': 'Ny upphandling',
  'notifications.kind.call_amended': 'Ändring i upphandlingen',
  'notifications.kind.call_answered': 'Nytt svar på en fråga',
  'notifications.kind.call_opened': 'Anbuden har öppnats',
  'notifications.kind.call_decided': 'Tilldelningsbeslut',
  'notifications.kind.call_cancelled': 'Upphandlingen har avbrutits',
  'notifications.kind.call_deadline_7d': 'Sista anbudsdag om 7 dagar',
  'notifications.kind.call_deadline_1d': 'Sista anbudsdag i morgon',
  'notifications.kind.test_bed_published': 'Nytt testbäddserbjudande',
  'notifications.kind.test_bed_deadline_7d': 'Ansökan stänger om 7 dagar',
  'notifications.kind.test_bed_deadline_1d': 'Ansökan stänger i morgon',
  'notifications.kind.initiative_created': 'Nytt initiativ',
  'notifications.kind.reference_published': 'Nytt referenscase',
  'notifications.kind.event_published': 'Nytt evenemang',

  'notifications.channel.changes': 'Ändringar i det du följer',
  'notifications.channel.deadlines': 'Påminnelser om sista dagar',
  'notifications.channel.new_items': 'Nytt från det du följer',
  'notifications.channel.searches': 'Träffar på dina bevakningar',
  'notifications.channel.changes.help':
    'Ändringar, nya svar, öppning, tilldelning och avbrott i upphandlingar du följer.',
  'notifications.channel.deadlines.help':
    'Sju dagar och en dag före sista anbudsdag eller sista ansökningsdag.',
  'notifications.channel.new_items.help':
    'Nya upphandlingar, testbäddar, initiativ, evenemang och referenscase från organisationer, initiativ och agendor du följer.',
  'notifications.channel.searches.help':
    'Nya testbäddar, upphandlingar och initiativ som matchar dina sparade sökningar.',
  'notifications.mode.immediate': 'Genast',
  'notifications.mode.daily': 'Dagligt sammandrag',
  'notifications.mode.weekly': 'Veckosammandrag',
  'notifications.mode.off': 'Ingen e-post (bara här)',

  'notifications.follow.call': 'Följ upphandlingen',
  'notifications.follow.test_bed': 'Följ testbädden',
  'notifications.follow.organisation': 'Följ organisationen',
  'notifications.follow.initiative': 'Följ initiativet',
  'notifications.follow.agenda': 'Följ agendan',
  'notifications.unfollow': 'Sluta följa',
  'notifications.following.call': 'Du följer upphandlingen.',
  'notifications.following.test_bed': 'Du följer testbädden.',
  'notifications.following.organisation': 'Du följer organisationen.',
  'notifications.following.initiative': 'Du följer initiativet.',
  'notifications.following.agenda': 'Du följer agendan.',
  'notifications.followExplain':
    'Du får en avisering här och e-post enligt dina inställningar när något viktigt händer.',
  'notifications.followLogin': 'Logga in för att följa',
  'notifications.followed': 'Du följer nu detta.',
  'notifications.unfollowed': 'Du följer inte längre detta.',

  'notifications.title': 'Aviseringar',
  'notifications.meta': 'Dina aviseringar på Testarena',
  'notifications.intro':
    'Här samlas det som har hänt i det du följer och det som matchar dina bevakningar.',
  'notifications.unread': '{count} olästa',
  'notifications.none':
    'Du har inga aviseringar ännu. Följ en upphandling, en testbädd eller en organisation för att få veta när något händer.',
  'notifications.markAllRead': 'Markera alla som lästa',
  'notifications.markedRead': 'Alla aviseringar är markerade som lästa.',
  'notifications.isUnread': 'Oläst',
  'notifications.from': 'från {organisation}',
  'notifications.table.caption': 'Aviseringar, nyaste först',
  'notifications.settingsLink': 'Inställningar för aviseringar och det du följer',
  'notifications.why.follow': 'Du följer detta',
  'notifications.why.search': 'Matchar en bevakning',

  'notifications.settings.title': 'Aviseringar och det du följer',
  'notifications.settings.meta': 'Välj hur du får e-post om det du följer',
  'notifications.settings.delivery': 'E-post per sorts avisering',
  'notifications.settings.deliveryIntro':
    'Allt syns alltid under Aviseringar. Här väljer du om och när det också kommer som e-post. Sammandrag skickas kl. 07 (svensk tid), veckosammandraget på måndagar.',
  'notifications.settings.save': 'Spara inställningarna',
  'notifications.settings.saved': 'Inställningarna är sparade.',
  'notifications.settings.follows': 'Det du följer',
  'notifications.settings.noFollows': 'Du följer ingenting ännu.',
  'notifications.settings.since': 'sedan {date}',
  'notifications.settings.type.call': 'Upphandling',
  'notifications.settings.type.test_bed': 'Testbädd',
  'notifications.settings.type.organisation': 'Organisation',
  'notifications.settings.type.initiative': 'Initiativ',
  'notifications.settings.type.agenda': 'Agenda',
  'notifications.settings.unfollow': 'Sluta följa {title}',
  'notifications.settings.invalid': 'Välj ett av alternativen för varje sorts avisering.',

  'notifications.unsubscribe.title': 'Avsluta e-post',
  'notifications.unsubscribe.meta': 'Avsluta e-post om en sorts avisering',
  'notifications.unsubscribe.question':
    'Vill du sluta få e-post om ”{channel}”? Aviseringarna syns fortfarande när du loggar in.',
  'notifications.unsubscribe.confirm': 'Ja, sluta skicka e-post om detta',
  'notifications.unsubscribe.done':
    'Klart. Du får inte längre e-post om ”{channel}”. Du kan ändra det under Aviseringar när du är inloggad.',
  'notifications.unsubscribe.invalid':
    'Länken är ogiltig eller ofullständig. Kopiera hela länken från e-postmeddelandet, eller logga in och ändra dina inställningar under Aviseringar.',

  'notifications.mail.one.subject': '{kind}: {title}',
  'notifications.mail.one.intro': 'Hej! Det här har hänt i något du följer på Testarena:',
  'notifications.mail.digest.subject.daily': 'Testarena: dagens sammandrag ({count})',
  'notifications.mail.digest.subject.weekly': 'Testarena: veckans sammandrag ({count})',
  'notifications.mail.digest.intro.daily': 'Hej! Här är det som har hänt sedan förra sammandraget:',
  'notifications.mail.digest.intro.weekly':
    'Hej! Här är det som har hänt under veckan sedan förra sammandraget:',
  'notifications.mail.why.changes':
    'Du får detta för att du följer upphandlingen eller testbädden.',
  'notifications.mail.why.deadlines':
    'Du får detta för att du följer upphandlingen eller testbädden.',
  'notifications.mail.why.new_items':
    'Du får detta för att du följer organisationen, initiativet eller agendan.',
  'notifications.mail.why.searches': 'Du får detta för att det matchar en av dina bevakningar.',
  'notifications.mail.settings': 'Ändra vad du får',
  'notifications.mail.unsubscribe.changes': 'Sluta få e-post om ändringar',
  'notifications.mail.unsubscribe.deadlines': 'Sluta få e-post om sista dagar',
  'notifications.mail.unsubscribe.new_items': 'Sluta få e-post om nyheter',
  'notifications.mail.unsubscribe.searches': 'Sluta få e-post om bevakningar',
}

const en: Record<keyof typeof sv, string> = {
  'notifications.kind.call_published': 'New procurement',
  'notifications.kind.call_amended': 'Procurement amended',
  'notifications.kind.call_answered': 'New answer to a question',
  'notifications.kind.call_opened': 'Bids opened',
  'notifications.kind.call_decided': 'Award decision',
  'notifications.kind.call_cancelled': 'Procurement cancelled',
  'notifications.kind.call_deadline_7d': 'Tender deadline in 7 days',
  'notifications.kind.call_deadline_1d': 'Tender deadline tomorrow',
  'notifications.kind.test_bed_published': 'New test-bed offer',
  'notifications.kind.test_bed_deadline_7d': 'Applications close in 7 days',
  'notifications.kind.test_bed_deadline_1d': 'Applications close tomorrow',
  'notifications.kind.initiative_created': 'New initiative',
  'notifications.kind.reference_published': 'New reference case',
  'notifications.kind.event_published': 'New event',

  'notifications.channel.changes': 'Changes to what you follow',
  'notifications.channel.deadlines': 'Deadline reminders',
  'notifications.channel.new_items': 'New from what you follow',
  'notifications.channel.searches': 'Matches for your saved searches',
  'notifications.channel.changes.help':
    'Amendments, new answers, opening, award and cancellation of procurements you follow.',
  'notifications.channel.deadlines.help':
    'Seven days and one day before a tender deadline or an application deadline.',
  'notifications.channel.new_items.help':
    'New procurements, test beds, initiatives, events and reference cases from organisations, initiatives and agendas you follow.',
  'notifications.channel.searches.help':
    'New test beds, procurements and initiatives matching your saved searches.',
  'notifications.mode.immediate': 'At once',
  'notifications.mode.daily': 'Daily digest',
  'notifications.mode.weekly': 'Weekly digest',
  'notifications.mode.off': 'No e-mail (here only)',

  'notifications.follow.call': 'Follow the procurement',
  'notifications.follow.test_bed': 'Follow the test bed',
  'notifications.follow.organisation': 'Follow the organisation',
  'notifications.follow.initiative': 'Follow the initiative',
  'notifications.follow.agenda': 'Follow the agenda',
  'notifications.unfollow': 'Stop following',
  'notifications.following.call': 'You follow the procurement.',
  'notifications.following.test_bed': 'You follow the test bed.',
  'notifications.following.organisation': 'You follow the organisation.',
  'notifications.following.initiative': 'You follow the initiative.',
  'notifications.following.agenda': 'You follow the agenda.',
  'notifications.followExplain':
    'You get a notification here, and e-mail as you chose in your settings, when something important happens.',
  'notifications.followLogin': 'Log in to follow',
  'notifications.followed': 'You now follow this.',
  'notifications.unfollowed': 'You no longer follow this.',

  'notifications.title': 'Notifications',
  'notifications.meta': 'Your notifications on Testarena',
  'notifications.intro':
    'What happened in what you follow and what matches your saved searches, in one place.',
  'notifications.unread': '{count} unread',
  'notifications.none':
    'You have no notifications yet. Follow a procurement, a test bed or an organisation to hear when something happens.',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markedRead': 'All notifications are marked as read.',
  'notifications.isUnread': 'Unread',
  'notifications.from': 'from {organisation}',
  'notifications.table.caption': 'Notifications, newest first',
  'notifications.settingsLink': 'Settings for notifications and what you follow',
  'notifications.why.follow': 'You follow this',
  'notifications.why.search': 'Matches a saved search',

  'notifications.settings.title': 'Notifications and what you follow',
  'notifications.settings.meta': 'Choose how you get e-mail about what you follow',
  'notifications.settings.delivery': 'E-mail per kind of notification',
  'notifications.settings.deliveryIntro':
    'Everything always appears under Notifications. Here you choose whether and when it also comes by e-mail. Digests are sent at 07:00 (Swedish time), the weekly digest on Mondays.',
  'notifications.settings.save': 'Save the settings',
  'notifications.settings.saved': 'The settings are saved.',
  'notifications.settings.follows': 'What you follow',
  'notifications.settings.noFollows': 'You follow nothing yet.',
  'notifications.settings.since': 'since {date}',
  'notifications.settings.type.call': 'Procurement',
  'notifications.settings.type.test_bed': 'Test bed',
  'notifications.settings.type.organisation': 'Organisation',
  'notifications.settings.type.initiative': 'Initiative',
  'notifications.settings.type.agenda': 'Agenda',
  'notifications.settings.unfollow': 'Stop following {title}',
  'notifications.settings.invalid': 'Choose one of the options for each kind of notification.',

  'notifications.unsubscribe.title': 'Stop e-mails',
  'notifications.unsubscribe.meta': 'Stop e-mails about one kind of notification',
  'notifications.unsubscribe.question':
    'Do you want to stop e-mails about “{channel}”? The notifications still appear when you log in.',
  'notifications.unsubscribe.confirm': 'Yes, stop e-mailing me about this',
  'notifications.unsubscribe.done':
    'Done. You no longer get e-mail about “{channel}”. You can change that under Notifications when logged in.',
  'notifications.unsubscribe.invalid':
    'The link is invalid or incomplete. Copy the whole link from the e-mail, or log in and change your settings under Notifications.',

  'notifications.mail.one.subject': '{kind}: {title}',
  'notifications.mail.one.intro': 'Hello! This happened in something you follow on Testarena:',
  'notifications.mail.digest.subject.daily': 'Testarena: daily digest ({count})',
  'notifications.mail.digest.subject.weekly': 'Testarena: weekly digest ({count})',
  'notifications.mail.digest.intro.daily': 'Hello! This is what happened since the last digest:',
  'notifications.mail.digest.intro.weekly':
    'Hello! This is what happened this week since the last digest:',
  'notifications.mail.why.changes': 'You get this because you follow the procurement or test bed.',
  'notifications.mail.why.deadlines':
    'You get this because you follow the procurement or test bed.',
  'notifications.mail.why.new_items':
    'You get this because you follow the organisation, initiative or agenda.',
  'notifications.mail.why.searches': 'You get this because it matches one of your saved searches.',
  'notifications.mail.settings': 'Change what you get',
  'notifications.mail.unsubscribe.changes': 'Stop e-mails about changes',
  'notifications.mail.unsubscribe.deadlines': 'Stop e-mails about deadlines',
  'notifications.mail.unsubscribe.new_items': 'Stop e-mails about new items',
  'notifications.mail.unsubscribe.searches': 'Stop e-mails about saved searches',
}

export default { sv, en }
