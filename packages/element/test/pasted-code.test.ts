import { describe, expect, it } from 'vitest';
import { pastedCode } from '../src/code/pasted-code.js';

describe('pastedCode', () => {
  it('takes a whole code written with spaces, dashes, dots or other digits', () => {
    expect(pastedCode('123 456', 6)).toEqual({ digits: '123456', whole: true });
    expect(pastedCode(' 123-456\n', 6)).toEqual({ digits: '123456', whole: true });
    expect(pastedCode('12.34.56', 6)).toEqual({ digits: '123456', whole: true });
    expect(pastedCode('١٢٣٤٥٦', 6)).toEqual({ digits: '123456', whole: true });
    expect(pastedCode('１２３４ ５６７８', 8)).toEqual({ digits: '12345678', whole: true });
  });

  it('finds the code in a whole pasted SMS by its WebOTP line, not the amount or order digits', () => {
    const sms = 'Acme Mobile: 481516 is your code for order A-1001 of €508.99. Valid 5 min.\n\n@shop.example #481516';
    expect(pastedCode(sms, 6)).toEqual({ digits: '481516', whole: true });
    const amountFirst = 'Order 2024 of €1,299.00: your code 07340021\n@shop.example #07340021';
    expect(pastedCode(amountFirst, 8)).toEqual({ digits: '07340021', whole: true });
  });

  it('without a WebOTP line, takes the first group of exactly the code length', () => {
    expect(pastedCode('Your code is 004219 (order 77)', 6)).toEqual({ digits: '004219', whole: true });
  });

  it('returns other digits to insert at the caret, and too many digits as they are', () => {
    expect(pastedCode('45', 6)).toEqual({ digits: '45', whole: false });
    expect(pastedCode('1234567', 6)).toEqual({ digits: '1234567', whole: false });
    expect(pastedCode('code', 6)).toEqual({ digits: '', whole: false });
  });
});
