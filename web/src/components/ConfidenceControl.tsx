import type { ReactNode } from 'react';
import { Label } from 'react-aria-components/Label';
import { Radio, RadioGroup } from 'react-aria-components/RadioGroup';
import { confidenceWord } from '../lib/confidence';

const STEPS = Array.from({ length: 11 }, (_, i) => i);

/**
 * A 0-10 confidence as an 11-step segmented control (a radio group: Tab enters it, arrows move,
 * a digit key picks 0-9) with the anchors low (0-3), medium (4-6) and high (7-10).
 */
export function ConfidenceControl(props: {
  label: ReactNode;
  value: number | null;
  onChange: (value: number) => void;
  isDisabled?: boolean;
}) {
  return (
    <RadioGroup
      orientation="horizontal"
      value={props.value === null ? null : String(props.value)}
      onChange={(value) => props.onChange(Number(value))}
      isDisabled={props.isDisabled ?? false}
      className="flex flex-col gap-1"
    >
      <Label className="text-xs font-medium text-slate-700">{props.label}</Label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the radios inside take the keys; a digit is a shortcut */}
      <div
        className="flex"
        onKeyDown={(event) => {
          if (/^[0-9]$/.test(event.key) && !props.isDisabled) {
            event.preventDefault();
            props.onChange(Number(event.key));
            // Focus follows the choice, as with the arrows (else Tab stops at the checked radio).
            event.currentTarget.querySelector<HTMLInputElement>(`input[value="${event.key}"]`)?.focus();
          }
        }}
      >
        {STEPS.map((step) => (
          <Radio
            key={step}
            value={String(step)}
            aria-label={`${step} (${confidenceWord(step)})`}
            className={({ isSelected, isFocusVisible }) =>
              `-ml-px flex h-8 w-7 cursor-pointer items-center justify-center border text-xs tabular-nums first:ml-0 first:rounded-l-md last:rounded-r-md ${
                isSelected
                  ? 'z-10 border-brand-700 bg-brand-600 font-semibold text-white'
                  : 'border-slate-300 bg-white text-slate-800'
              } ${isFocusVisible ? 'z-20 outline-2 outline-offset-1 outline-brand-600' : ''}`
            }
          >
            {step}
          </Radio>
        ))}
      </div>
      <div className="flex justify-between text-[11px] text-slate-600" aria-hidden="true">
        <span>low</span>
        <span>medium</span>
        <span>high</span>
      </div>
    </RadioGroup>
  );
}
