import type { ButtonHTMLAttributes, Ref } from 'react';

const STYLES = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:opacity-60',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60',
  quiet: 'text-brand-700 underline-offset-2 hover:underline',
};

/** A native button with Tandem's looks (`variant`: primary, secondary, quiet). */
export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof STYLES;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium ${STYLES[variant]} ${className}`}
      {...props}
    />
  );
}
