/**
 * A labelled drop-down, the form control every page and the popup use for a choice:
 * the label wraps the select (so it names it), and the chosen value comes back typed.
 */
import type { ComponentChildren } from 'preact';

export interface SelectFieldProps<T extends string> {
  label: ComponentChildren;
  value: T;
  /** Each choice's value, what it reads, and the language of that text where it is not the page's (an article's title). */
  options: readonly (readonly [T, string] | readonly [T, string, string])[];
  onChange: (value: T) => void;
  /** Classes of the label beside `field`. */
  class?: string;
  /** The label read by screen readers only (a field whose purpose the place around it shows). */
  labelHidden?: boolean;
  disabled?: boolean;
  testid?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, class: extra, labelHidden = false, disabled, testid }: SelectFieldProps<T>) {
  return (
    <label class={extra ? `field ${extra}` : 'field'}>
      <span class={labelHidden ? 'visually-hidden' : undefined}>{label}</span>
      <select value={value} disabled={disabled} data-testid={testid} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {options.map(([v, text, lang]) => (
          <option key={v} value={v} lang={lang}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
