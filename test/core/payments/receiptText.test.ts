import { describe, expect, it } from 'vitest';
import { parseAmount, parseReceiptText } from '../../../shared/domain/receiptText';

describe('parseAmount', () => {
  it.each([
    ['45', 4500],
    ['8.90', 890],
    ['1,250.00', 125000],
    ['1.250,00', 125000],
    ['45,5', 4550],
    ['12O.50', 12050],
  ])('%s → %d', (raw, minor) => expect(parseAmount(raw)).toBe(minor));

  it.each(['', 'abc', '0', '1.2.3,4,5'])('%s is no amount', (raw) => expect(parseAmount(raw)).toBeNull());
});

describe('parseReceiptText', () => {
  it('reads a Yape receipt with the status bar and stray marks', () => {
    const text = '9:41 4G 87% 9\n¡Yapeaste!\nS/ 45.00\nKarina Paredes\n28 nov. 2026 - 03:15 p. m.\nDATOS DE LA TRANSACCIÓN\nNro. de operación: 03451297\nYapeado por: Lucia Quispe R.\n—— Compartir';
    expect(parseReceiptText(text)).toEqual({ amount: 4500, date: '2026-11-28', time: '15:15', operationNumber: '03451297', payerName: 'Lucia Quispe R.', app: 'yape' });
  });

  it('reads a Plin receipt whose logo was lost and whose operation has a misread O', () => {
    const text = 'nu\nPago exitoso\nS/ 1,250.00\nEnviado a\nKarina Paredes\nDesde la cuenta de\nAna Lucia Flores\nFecha: 25/11/2026 18:05\nCódigo de operación: 7712O3\n';
    expect(parseReceiptText(text)).toMatchObject({ amount: 125000, date: '2026-11-25', time: '18:05', operationNumber: '771203', payerName: 'Ana Lucia Flores' });
  });

  it('reads a bank transfer with labels above their values and no currency sign read', () => {
    const text = '9:41\nTransferencia exitosa\nMonto transferido\n250.00\nTitular origen\nPatricia Gomez Diaz\nFecha y hora\n28/11/2026 15:42\nNúmero de operación\n00728341';
    expect(parseReceiptText(text)).toEqual({ amount: 25000, date: '2026-11-28', time: '15:42', operationNumber: '00728341', payerName: 'Patricia Gomez Diaz', app: 'bank' });
  });

  it('reads accents lost, "S/." and a long month name', () => {
    const text = 'Yape\nS/. 60\nNumero de operacion 27182818\n12 de noviembre de 2026 9:05 am';
    expect(parseReceiptText(text)).toMatchObject({ amount: 6000, date: '2026-11-12', time: '09:05', operationNumber: '27182818', app: 'yape' });
  });

  it('finds nothing in a photo of a cat', () => {
    expect(parseReceiptText('~~ ,, gato ))\n\n')).toEqual({ amount: null, date: null, time: null, operationNumber: '', payerName: '', app: 'unknown' });
  });
});
