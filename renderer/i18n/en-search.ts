/** English texts of paged lists (deliveries by person, more stops); merged into en.ts. */
export const enSearch = {
  'pages.people': 'By person',
  'pages.personStops': '{count, plural, one {# stop} other {# stops}}',
  'pages.personDone': '{delivered} ✓ · {failed} ✗ · {pending} to visit',
  'pages.showPerson': "Show only {name}'s stops",
  'pages.showEveryone': "Show everyone's stops",
  'pages.moreStops': 'Show more stops',
  'pages.shownOf': 'Showing {shown} of {total}',
} as const;
