/** Spanish texts of paged lists (Repartos by person, more stops); merged into es.ts. */
export const esSearch = {
  'pages.people': 'Por persona',
  'pages.personStops': '{count, plural, one {# parada} other {# paradas}}',
  'pages.personDone': '{delivered} ✓ · {failed} ✗ · {pending} por visitar',
  'pages.showPerson': 'Ver solo las paradas de {name}',
  'pages.showEveryone': 'Ver las paradas de todos',
  'pages.moreStops': 'Ver más paradas',
  'pages.shownOf': 'Mostrando {shown} de {total}',
} as const;
