// The errors of coordination (issue 15: intermediaries, initiatives, overlap checks, the contact
// ledger, events, outreach, the agenda), part of the `errors` namespace: errors.ts spreads them
// (a namespace is one file directly in messages/; parts/ holds pieces of one).

const sv = {
  'errors.domain.initiative_owner_not_verified':
    'Bara en verifierad offentlig aktör eller intermediär kan äga eller vara medägare till ett initiativ.',
  'errors.domain.initiative_not_member':
    'Bara medlemmar i initiativets ägare eller medägare kan ändra det.',
  'errors.domain.initiative_owner_fixed': 'Initiativets ägare kan inte bytas.',
  'errors.domain.initiative_status_backwards':
    'Ett initiativs status går bara framåt: idé, planerat, pågående, avslutat.',
  'errors.domain.initiative_not_deletable':
    'Ett initiativ kan bara tas bort som idé, utan kopplade upphandlingar, testbäddar eller medägare.',
  'errors.domain.initiative_co_owner_is_owner':
    'Ägaren kan inte be om att bli medägare till sitt eget initiativ.',
  'errors.domain.initiative_co_owner_decided_by_owner':
    'Bara ägarens medlemmar kan godta eller avböja en förfrågan om medägarskap.',
  'errors.domain.initiative_co_owner_decided': 'Förfrågan om medägarskap är redan avgjord.',
  'errors.domain.initiative_link_not_owner':
    'Bara ett initiativ som organisationen äger eller är medägare till kan väljas.',
  'errors.domain.initiative_co_owner_exists':
    'Organisationen har redan bett om att bli medägare till initiativet.',
  'errors.domain.contact_author_not_verified':
    'Bara en verifierad offentlig aktör eller mellanaktör kan registrera kontakter.',
  'errors.domain.contact_not_company': 'Kontakter registreras bara med företag.',
  'errors.domain.contact_not_member': 'Bara organisationens egna medlemmar kan göra det.',
  'errors.domain.contact_in_future': 'Datumet för kontakten kan inte ligga i framtiden.',
  'errors.domain.contact_unchanged': 'Rättelsen ändrar ingenting. Ändra datum, typ eller syfte.',
  'errors.domain.contact_append_only':
    'Kontaktloggen kan inte raderas; en kontakt rättas bara av den som registrerade den, och historiken sparas.',
  'errors.domain.contact_not_acknowledged':
    'Bekräfta att du har sett företagets senaste kontakter och önskemål.',
  'errors.domain.contact_settings_not_member':
    'Bara företagets egna medlemmar kan ändra dess inställningar för kontakter.',
  'errors.domain.disclosure_fixed':
    'Redovisningen av kontakter i en publicerad upphandling kan inte ändras.',
  'errors.domain.event_organiser_not_verified':
    'Bara en verifierad offentlig aktör eller intermediär kan ordna evenemang.',
  'errors.domain.event_not_organiser': 'Bara arrangörens egna medlemmar kan göra det.',
  'errors.domain.event_in_past': 'Sista anmälningsdag har redan passerat.',
  'errors.domain.event_permanent': 'Ett evenemang tas aldrig bort; ställ in det i stället.',
  'errors.domain.event_frozen':
    'Evenemanget har börjat eller är inställt och kan inte längre ändras.',
  'errors.domain.event_capacity_below_confirmed':
    'Antalet platser kan inte bli färre än de bekräftade anmälningarna.',
  'errors.domain.event_registrant_not_company': 'Bara företag anmäler sig till evenemang.',
  'errors.domain.event_cancelled': 'Evenemanget är inställt.',
  'errors.domain.event_registration_closed': 'Anmälan till evenemanget har stängt.',
  'errors.domain.event_queue_order': 'Platserna går till väntelistan i tur och ordning.',
  'errors.domain.event_registration_fixed':
    'En anmälan tas inte bort och kan bara avbokas av företaget.',
  'errors.domain.event_already_registered': 'Företaget är redan anmält till evenemanget.',
  'errors.domain.event_attendance_fixed': 'Närvaron är redan registrerad.',
  'errors.domain.event_attendance_confirmed_only':
    'Närvaro registreras bara för bekräftade platser.',
  'errors.domain.event_not_started': 'Närvaro registreras först när evenemanget har börjat.',
  'errors.domain.event_attendance_needs_contact':
    'Deltagande förs in i kontaktloggen med företaget.',
  // The regional agenda (issue 15 part 7, migration 2026-12-07-16-agenda).
  'errors.domain.agenda_owner_not_region': 'Bara en verifierad region kan ha en regional agenda.',
  'errors.domain.agenda_not_editor':
    'Bara medlemmar i regionen eller i en medägare kan ändra agendan.',
  'errors.domain.agenda_published':
    'Det här är publicerat: det kan inte tas bort, göras om till utkast eller mätas på ett annat sätt.',
  'errors.domain.agenda_co_owner_invalid':
    'En medägare måste vara en annan verifierad offentlig aktör eller mellanaktör än regionen.',
  'errors.domain.agenda_goal_needs_indicator':
    'Ett mål behöver minst en indikator innan det publiceras.',
  'errors.domain.agenda_target_reason':
    'Målet är publicerat: skriv en ny motivering (minst fem bokstäver) när du ändrar målvärdet eller måldatumet.',
  'errors.domain.agenda_measurement_manual_only':
    'Mätvärden registreras bara för indikatorer som mäts för hand, och en andel är högst 100.',
  'errors.domain.agenda_measured_in_future': 'Mätdatumet kan inte ligga i framtiden.',
  'errors.domain.agenda_measurement_append_only':
    'Ett registrerat mätvärde ändras inte: registrera en rättelse i stället (varje värde rättas en gång).',
  'errors.domain.agenda_link_not_owner':
    'Ett mål kan bara kopplas till initiativ som regionen eller en medägare äger.',
  'errors.domain.outreach_settings_not_member':
    'Bara företagets egna medlemmar kan ändra om det tar emot utskick.',
  'errors.domain.outreach_sender_not_allowed':
    'Bara en verifierad region eller mellanaktör kan skicka utskick till företag.',
  'errors.domain.outreach_not_member': 'Bara organisationens egna medlemmar kan skicka utskick.',
  'errors.domain.outreach_fixed': 'Ett skickat utskick och dess mottagare kan inte ändras.',
  'errors.domain.outreach_criteria_invalid':
    'Urvalet innehåller okända storleksklasser, branscher eller teman, eller kommuner utanför länet.',
  'errors.domain.outreach_hand_picked':
    'Mottagare kan inte väljas för hand: ett utskick når alla företag som matchar urvalet.',
  'errors.domain.outreach_count_changed':
    'Antalet mottagare har ändrats sedan förhandsvisningen. Kontrollera det nya antalet och skicka igen.',
  'errors.domain.theme_interest_not_member':
    'Bara företagets egna medlemmar kan ange vilka teman det är intresserat av.',
  'errors.domain.theme_unknown': 'Välj bland de teman som finns i listan.',
  'errors.domain.overlap_reason_required':
    'Skriv varför ni fortsätter trots de liknande initiativen (minst fem bokstäver).',
  'errors.domain.overlap_candidate_invalid':
    'Välj ett av de liknande initiativen som visas, från en annan organisation.',
  'errors.domain.overlap_check_append_only':
    'Ett registrerat val vid överlappskontrollen kan inte ändras eller raderas.',
} as const

const en: Record<keyof typeof sv, string> = {
  'errors.domain.initiative_owner_not_verified':
    'Only a verified public body or intermediary can own or co-own an initiative.',
  'errors.domain.initiative_not_member':
    "Only members of the initiative's owner or co-owners can change it.",
  'errors.domain.initiative_owner_fixed': "The initiative's owner cannot change.",
  'errors.domain.initiative_status_backwards':
    "An initiative's status only moves forward: idea, planned, active, finished.",
  'errors.domain.initiative_not_deletable':
    'An initiative can only be deleted as an idea, with no linked calls, test beds or co-owners.',
  'errors.domain.initiative_co_owner_is_owner':
    'The owner cannot ask to co-own its own initiative.',
  'errors.domain.initiative_co_owner_decided_by_owner':
    "Only the owner's members can accept or decline a request to co-own.",
  'errors.domain.initiative_co_owner_decided': 'The request to co-own has already been decided.',
  'errors.domain.initiative_link_not_owner':
    'Only an initiative the organisation owns or co-owns can be chosen.',
  'errors.domain.initiative_co_owner_exists':
    'The organisation has already asked to co-own this initiative.',
  'errors.domain.contact_author_not_verified':
    'Only a verified public body or intermediary can record contacts.',
  'errors.domain.contact_not_company': 'Contacts are recorded with companies only.',
  'errors.domain.contact_not_member': "Only the organisation's own members can do that.",
  'errors.domain.contact_in_future': 'The date of the contact cannot be in the future.',
  'errors.domain.contact_unchanged':
    'The correction changes nothing. Change the date, kind or purpose.',
  'errors.domain.contact_append_only':
    'The contact ledger cannot be deleted; a contact is corrected only by its author, and the history is kept.',
  'errors.domain.contact_not_acknowledged':
    "Confirm that you have seen the company's recent contacts and preference.",
  'errors.domain.contact_settings_not_member':
    "Only the company's own members can change its contact settings.",
  'errors.domain.disclosure_fixed':
    'The disclosure of contacts in a published call cannot be changed.',
  'errors.domain.event_organiser_not_verified':
    'Only a verified public body or intermediary can organise events.',
  'errors.domain.event_not_organiser': "Only the organiser's own members can do that.",
  'errors.domain.event_in_past': 'The registration deadline has already passed.',
  'errors.domain.event_permanent': 'An event is never deleted; cancel it instead.',
  'errors.domain.event_frozen':
    'The event has started or is cancelled and can no longer be changed.',
  'errors.domain.event_capacity_below_confirmed':
    'The number of seats cannot be lower than the confirmed registrations.',
  'errors.domain.event_registrant_not_company': 'Only companies register for events.',
  'errors.domain.event_cancelled': 'The event is cancelled.',
  'errors.domain.event_registration_closed': 'Registration for the event has closed.',
  'errors.domain.event_queue_order': 'Seats go to the waiting list in order.',
  'errors.domain.event_registration_fixed':
    'A registration is never deleted and can only be cancelled by the company.',
  'errors.domain.event_already_registered': 'The company is already registered for the event.',
  'errors.domain.event_attendance_fixed': 'Attendance has already been recorded.',
  'errors.domain.event_attendance_confirmed_only':
    'Attendance is recorded for confirmed seats only.',
  'errors.domain.event_not_started': 'Attendance is recorded once the event has started.',
  'errors.domain.event_attendance_needs_contact':
    "Attendance is entered in the company's contact ledger.",
  'errors.domain.agenda_owner_not_region': 'Only a verified region can have a regional agenda.',
  'errors.domain.agenda_not_editor':
    'Only members of the region or of a co-owner can change the agenda.',
  'errors.domain.agenda_published':
    'This is published: it cannot be deleted, turned back into a draft or measured another way.',
  'errors.domain.agenda_co_owner_invalid':
    'A co-owner must be a verified public body or intermediary other than the region.',
  'errors.domain.agenda_goal_needs_indicator':
    'A goal needs at least one indicator before it is published.',
  'errors.domain.agenda_target_reason':
    'The goal is published: give a new reason (at least five letters) when you change the target value or date.',
  'errors.domain.agenda_measurement_manual_only':
    'Measurements are recorded only for indicators measured by hand, and a share is at most 100.',
  'errors.domain.agenda_measured_in_future': 'The date of a measurement cannot be in the future.',
  'errors.domain.agenda_measurement_append_only':
    'A recorded measurement is not changed: record a correction instead (each value is corrected once).',
  'errors.domain.agenda_link_not_owner':
    'A goal can only be linked to initiatives that the region or a co-owner owns.',
  'errors.domain.outreach_settings_not_member':
    "Only the company's own members can change whether it receives outreach.",
  'errors.domain.outreach_sender_not_allowed':
    'Only a verified region or intermediary can send outreach to companies.',
  'errors.domain.outreach_not_member': "Only the organisation's own members can send outreach.",
  'errors.domain.outreach_fixed': 'A sent outreach and its recipients cannot be changed.',
  'errors.domain.outreach_criteria_invalid':
    'The criteria contain unknown size classes, sectors or themes, or municipalities outside the county.',
  'errors.domain.outreach_hand_picked':
    'Recipients cannot be picked by hand: an outreach reaches every company matching its criteria.',
  'errors.domain.outreach_count_changed':
    'The number of recipients has changed since the preview. Check the new number and send again.',
  'errors.domain.theme_interest_not_member':
    "Only the company's own members can state which themes it is interested in.",
  'errors.domain.theme_unknown': 'Choose among the themes in the list.',
  'errors.domain.overlap_reason_required':
    'Say why you continue despite the similar initiatives (at least five letters).',
  'errors.domain.overlap_candidate_invalid':
    'Choose one of the similar initiatives shown, from another organisation.',
  'errors.domain.overlap_check_append_only':
    'A choice recorded at the overlap check cannot be changed or deleted.',
}

export default { sv, en }
