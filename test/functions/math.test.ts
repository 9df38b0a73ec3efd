import { describe, expect, it } from 'vitest';
import { fn, makeCtx, member, registry } from '../support/fn-harness.js';
import { invokeBuiltin } from '../../src/runtime/functions/invoke.js';
import { numberToString } from '../../src/runtime/cast.js';

const out = (name: string, ...args: unknown[]) => numberToString(fn(name, ...args) as number);

describe('rounding family', () => {
  it('abs, ceiling, floor', () => {
    expect(fn('abs', -4.3)).toBe(4.3);
    expect(fn('abs', '-2')).toBe(2);
    expect(fn('ceiling', 1.1)).toBe(2);
    expect(fn('ceiling', 1)).toBe(1);
    expect(out('ceiling', -0.5)).toBe('0');
    expect(fn('floor', 4.7)).toBe(4);
    expect(fn('floor', -4.3)).toBe(-5);
  });

  it('int floors, fix truncates', () => {
    expect(fn('int', 1.8)).toBe(1);
    expect(fn('int', -4.3)).toBe(-5);
    expect(fn('fix', 1.8)).toBe(1);
    expect(fn('fix', -5.7)).toBe(-5);
    expect(out('fix', -0.5)).toBe('0');
  });

  it('round is half-up', () => {
    expect(fn('round', 1.56)).toBe(2);
    expect(fn('round', 1.49)).toBe(1);
    expect(fn('round', -0.9)).toBe(-1);
    expect(fn('round', 2.5)).toBe(3);
    expect(fn('round', -2.5)).toBe(-2);
    expect(out('round', -0.4)).toBe('0');
  });

  it('round with a precision rounds the decimal digits', () => {
    expect(fn('round', Math.PI, 3)).toBe(3.142);
    expect(fn('round', 1.005, 2)).toBe(1.01);
    expect(fn('round', -1.005, 2)).toBe(-1.01);
    expect(fn('round', 1.2, 5)).toBe(1.2);
    expect(member('numeric', 'round', 2.345, 2)).toBe(2.35);
  });

  it('casts numeric strings and rejects text', () => {
    expect(fn('abs', ' -3 ')).toBe(3);
    expect(() => fn('abs', 'abc')).toThrow(/Can't cast String \[abc\] to a value of type \[Number\]/);
    expect(() => fn('abs')).toThrow(/required/);
  });
});

describe('max / min / sign / value helpers', () => {
  it('max and min', () => {
    expect(fn('max', 4, 9)).toBe(9);
    expect(fn('min', 4, 9)).toBe(4);
    expect(fn('max', -1, '-2')).toBe(-1);
    expect(() => fn('max', 1, 'x')).toThrow(/Can't cast String \[x\]/);
  });

  it('sgn, incrementValue, decrementValue', () => {
    expect(fn('sgn', 0.3)).toBe(1);
    expect(fn('sgn', 0)).toBe(0);
    expect(fn('sgn', -0.3)).toBe(-1);
    expect(fn('incrementValue', 7)).toBe(8);
    expect(fn('decrementValue', 7)).toBe(6);
    expect(fn('incrementValue', -0.5)).toBe(0.5);
  });
});

describe('transcendental functions print like CFML', () => {
  it('match the expected 12-decimal output', () => {
    expect(out('acos', 0.3)).toBe('1.266103672779');
    expect(out('asin', 0.3)).toBe('0.304692654015');
    expect(out('atn', 0.3)).toBe('0.291456794478');
    expect(out('cos', 0.3)).toBe('0.955336489126');
    expect(out('sin', 0.3)).toBe('0.295520206661');
    expect(out('tan', 0.3)).toBe('0.30933624961');
    expect(out('log', 3.1)).toBe('1.131402111491');
    expect(out('log10', 3.1)).toBe('0.491361693834');
    expect(out('exp', 1.13140211149)).toBe('3.099999999997');
    expect(out('pi')).toBe('3.14159265359');
    expect(fn('sqr', 144)).toBe(12);
  });

  it('reject arguments outside their domain', () => {
    expect(() => fn('sqr', -1)).toThrow(/sqr/);
    expect(() => fn('log', 0)).toThrow(/greater than 0/);
    expect(() => fn('log10', -5)).toThrow(/log10/);
    expect(() => fn('acos', 1.5)).toThrow(/between -1 and 1/);
  });
});

describe('random numbers', () => {
  it('rand is in [0, 1)', () => {
    for (let i = 0; i < 50; i++) {
      const r = fn('rand') as number;
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
    }
    expect(() => fn('rand', 'bogus')).toThrow(/algorithm \[bogus\]/);
  });

  it('randRange is inclusive, integer, and accepts reversed bounds', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const r = fn('randRange', 3, 1) as number;
      expect(Number.isInteger(r)).toBe(true);
      seen.add(r);
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
    expect(fn('randRange', 5, 5)).toBe(5);
  });

  it('randomize seeds the generator of the render', () => {
    const seq = () => {
      const ctx = makeCtx();
      invokeBuiltin(registry.get('randomize')!, ctx, [42]);
      return [1, 2, 3].map(() => invokeBuiltin(registry.get('randRange')!, ctx, [1, 1000]));
    };
    expect(seq()).toEqual(seq());
  });
});

describe('bases and bits', () => {
  it('formatBaseN like Java (two\'s complement for binary and hex)', () => {
    expect(fn('formatBaseN', 10, 2)).toBe('1010');
    expect(fn('formatBaseN', 10.75, 2)).toBe('1010');
    expect(fn('formatBaseN', 1024, 16)).toBe('400');
    expect(fn('formatBaseN', 1234, 16)).toBe('4d2');
    expect(fn('formatBaseN', -1234, 16)).toBe('fffffb2e');
    expect(fn('formatBaseN', -1234, 2)).toBe('11111111111111111111101100101110');
    expect(fn('formatBaseN', -1234, 8)).toBe('-2322');
    expect(fn('formatBaseN', -1234, 10)).toBe('-1234');
    expect(() => fn('formatBaseN', 10, 1)).toThrow(/radix/);
  });

  it('inputBaseN', () => {
    expect(fn('inputBaseN', '1010', 2)).toBe(10);
    expect(fn('inputBaseN', '3FF', 16)).toBe(1023);
    expect(fn('inputBaseN', '0x3ff', 16)).toBe(1023);
    expect(fn('inputBaseN', 1010, 2)).toBe(10);
    expect(fn('inputBaseN', '-11', 2)).toBe(-3);
    expect(() => fn('inputBaseN', '102', 2)).toThrow(/not a number in base 2/);
    expect(() => fn('inputBaseN', '', 10)).toThrow(/inputBaseN/);
  });

  it('bit operations on integers of any size (Lucee 7: BigInteger, no 32-bit wrap-around)', () => {
    expect(fn('bitAnd', 5, 3)).toBe(1);
    expect(fn('bitOr', 5, 3)).toBe(7);
    expect(fn('bitXor', 5, 3)).toBe(6);
    expect(fn('bitNot', 0)).toBe(-1);
    expect(fn('bitSHLN', 5, 1)).toBe(10);
    expect(fn('bitSHRN', 5, 1)).toBe(2);
    expect(fn('bitSHRN', -2, 1)).toBe(-1);
    expect(fn('bitSHLN', 1, 31)).toBe(2147483648);
    expect(fn('bitSHLN', 1, 40)).toBe(2 ** 40);
    expect(fn('bitAnd', 2 ** 40 + 1, 1)).toBe(1);
    expect(fn('bitAnd', 1, 0.999999999999999)).toBe(1);
    expect(() => fn('bitSHLN', 1, -1)).toThrow(/Invalid shift value/);
    expect(() => fn('bitAnd', 1.5, 1)).toThrow(/not an integer/);
  });

  it('bit masks', () => {
    expect(fn('bitMaskClear', 3, 0, 1)).toBe(2);
    expect(fn('bitMaskClear', 10, 1, 2)).toBe(8);
    expect(fn('bitMaskRead', 3, 0, 1)).toBe(1);
    expect(fn('bitMaskRead', 10, 2, 1)).toBe(0);
    expect(fn('bitMaskRead', 10, 1, 3)).toBe(5);
    expect(fn('bitMaskSet', 6, 1, 0, 1)).toBe(7);
    expect(fn('bitMaskSet', 10, 1, 2, 1)).toBe(14);
    expect(fn('bitMaskSet', 10, 2, 1, 2)).toBe(12);
  });
});

describe('precisionEvaluate', () => {
  it('returns an already evaluated number, and evaluates strings through the context', () => {
    expect(out('precisionEvaluate', 1 / 3 + 5)).toBe('5.333333333333');
    const ctx = makeCtx();
    ctx.evaluate = (expr: string) => (expr === '1+1' ? 2 : null);
    expect(invokeBuiltin(registry.get('precisionEvaluate')!, ctx, ['1+1'])).toBe(2);
    expect(fn('precisionEvaluate', '42')).toBe(42);
  });
});

describe('numeric members', () => {
  it('x.abs(), x.fix(), x.formatBaseN()', () => {
    expect(member('numeric', 'abs', -3)).toBe(3);
    expect(member('numeric', 'fix', -10.112)).toBe(-10);
    expect(member('numeric', 'formatBaseN', 10, 2)).toBe('1010');
  });
});
