/**
 * What a clause of a chat message is doing: ordering, only asking, thanking, cancelling or asking
 * after an order already placed. Read on folded text (lower case, no accents).
 */

const pronoun = '(?:lo|la|los|las|le|les)?\\s*';
const requestVerbs = 'das|da|separas|separa|mandas|manda|envias|envia|vendes|reservas|reserva|pasas|traes|llevas|guardas|guarda|apartas|aparta|alistas|consigues';
const infinitives = 'separar|guardar|mandar|enviar|reservar|apartar|vender|pasar|traer|alistar|dar';
const orderIntent = new RegExp(
  [
    '\\b(quiero|queria|quisiera|quisieramos|deseo|deseaba|desearia|dame|deme|denme|manda|mandame|mandeme|envia|enviame|separame|separeme|reservame|traeme|apartame|guardame|alistame|pedido|pido|pedir|encargo|encargar|ordenar|llevaria|compraria|querria|pediria|te compro|necesito|necesitaria|llevo|apuntame|anotame|anota|para mi|me interesa|me interesan|comprar|compro|adquirir|me quedo con)\\b',
    `\\bme\\s+${pronoun}(${requestVerbs})\\b`,
    `\\b(me\\s+)?${pronoun}(puedes|podes|podrias|podria|puede|pueden|podrian)\\s+(${pronoun})?(${infinitives})(me|melo|mela|melos|melas)?\\b`,
    `\\b(${infinitives})(me|melo|mela|melos|melas)\\b`,
  ].join('|'),
);
const asking =
  /^(y\s+)?(cuanto|cuantos|cuantas|a como|tienen|tienes|tiene|hay|hacen|haces|precio|cual|cuales|que precio|que colores|donde|como|venden|vendes|aceptan|trabajan)\b/;
/** Said to ask, whatever verb comes with it: "quería saber si tienen velas". */
const askingWords = /\b(saber|consulta|consultar|pregunta|preguntar|cuanto (sale|cuesta|esta))\b/;
const cancelling = /\b((ya\s+)?no\s+(lo\s+|la\s+|los\s+|las\s+)?(quiero|queria|voy a querer|necesito|me lo mandes|me la mandes)|cancel(a|o|ar|e|en|es|amos|emos|alo|ala)|anul(a|o|ar|e|en|es|amos|emos|alo|ala))\b|\bya\s+no\W*$/;
const thanking = /\b(gracias|quedo|quedaron|llego|llegaron|me encanto|me encantaron|lindo|linda|hermoso|hermosa)\b/;
const orderStatus =
  /\bmi\s+(pedido|compra|paquete|encargo)\b.*\b(salio|llego|sale|llega|esta|viene|demora|falta|enviaste|mandaste|despachaste)\b|\b(salio|llego|enviaste|mandaste|despachaste)\b.*\bmi\s+(pedido|compra|paquete|encargo)\b/;

const greeting = /^(hola+|holi+|ola+|hey|buenas+|buen dia|buenos dias|buenas tardes|buenas noches|saludos|que tal)(\s+(amiga|amigo|linda|vecina|senora|senorita|srta|sra|\p{L}+))?\s*$/u;

/** "hola karina", "buenas tardes amiga": a greeting and perhaps a name, never a product. */
export const isGreeting = (phrase: string): boolean => greeting.test(phrase.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim());

export const hasOrderIntent = (clause: string): boolean => orderIntent.test(clause) && !cancelling.test(clause);

export const isCancelling = (clause: string): boolean => cancelling.test(clause);

/** Thanks or praise for something received: "gracias, la taza quedó linda". */
export const isThanks = (clause: string): boolean => thanking.test(clause) && !orderIntent.test(clause);

/** Asks after an order already placed: "¿ya salió mi pedido?". */
export const isAboutPlacedOrder = (text: string): boolean => orderStatus.test(text);

/** A clause that asks (price, stock, shipping, a detail) without ordering. */
export const isOnlyAsking = (clause: string, isQuestion: boolean): boolean => {
  if (askingWords.test(clause)) return true;
  if (hasOrderIntent(clause)) return false;
  const bare = clause.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(hola|buenas|buenos dias|buenas tardes|buenas noches)\W*/, '');
  return isQuestion || asking.test(bare);
};

export interface Clause {
  text: string;
  isQuestion: boolean;
}

/**
 * Splits a message where a customer changes what she is doing: at question and exclamation marks,
 * full stops, line breaks, and before "si hay" / "si es así" ("¿tienes el gorro? si hay me guardas 3").
 */
export const clausesOf = (folded: string): Clause[] => {
  const parts = folded.split(/(\?+|!+|¡|¿|\n|\.(?=\s|$)|(?=\bsi\s+(?:hay|es\s+asi)\b)|(?=\bmejor\b))/);
  const clauses: Clause[] = [];
  let isOpenQuestion = false;
  const flush = (text: string, isQuestion: boolean) => {
    if (text.trim()) clauses.push({ text: text.trim(), isQuestion });
  };
  for (let i = 0; i < parts.length; i += 2) {
    const text = parts[i] ?? '';
    const end = parts[i + 1] ?? '';
    if (end === '¿') {
      flush(text, false);
      isOpenQuestion = true;
    } else if (end.startsWith('?')) {
      flush(text, true);
      isOpenQuestion = false;
    } else {
      flush(text, isOpenQuestion);
      if (end !== '') isOpenQuestion = false;
    }
  }
  return clauses;
};
