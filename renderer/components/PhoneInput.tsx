import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { usePhone } from '../phone';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode'> & {
  /** The stored number (E.164, or an old value as it was written). */
  value: string;
  /** What she typed, as typed: the core reads it with the shop's country. */
  onChange(text: string): void;
};

/**
 * A phone field that shows the stored number the way people write it in the shop's country
 * ("987 222 333", not "+51987222333") and leaves what she types alone while she types.
 */
export const PhoneInput = ({ value, onChange, ...rest }: Props) => {
  const phone = usePhone();
  const [text, setText] = useState(() => phone.format(value));
  const typed = useRef(value);
  useEffect(() => {
    // A new value from outside (loaded, or saved and read back as E.164) is shown formatted.
    if (value !== typed.current) {
      typed.current = value;
      setText(phone.format(value));
    }
  }, [value, phone.country]);
  return (
    <input
      {...rest}
      value={text}
      inputMode="tel"
      autoComplete="off"
      onChange={(e) => {
        typed.current = e.target.value;
        setText(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
};
