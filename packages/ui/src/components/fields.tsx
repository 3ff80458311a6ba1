import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

const control =
  "w-full rounded-md border border-felt-700 bg-felt-950 px-2 py-1.5 text-ink text-sm outline-none placeholder:text-muted focus:border-chip-400 focus:ring-1 focus:ring-chip-400 aria-[invalid=true]:border-danger";

type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
};

const FieldFrame = ({ id, label, hint, error, children, className = "" }: FieldFrameProps) => (
  <div className={`flex flex-col gap-1 ${className}`}>
    <label htmlFor={id} className="font-medium text-muted text-xs uppercase tracking-wide">
      {label}
    </label>
    {children}
    {error ? (
      <p id={`${id}-error`} className="text-danger text-xs">
        {error}
      </p>
    ) : hint ? (
      <p id={`${id}-hint`} className="text-muted text-xs">
        {hint}
      </p>
    ) : null}
  </div>
);

type Labelled = { label: ReactNode; hint?: ReactNode; error?: ReactNode; fieldClassName?: string };

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & Labelled;

/** A labelled input; the label, hint and error are wired to it for screen readers. */
export const TextField = ({ label, hint, error, fieldClassName, id, ...props }: TextFieldProps) => {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        className={control}
        {...props}
      />
    </FieldFrame>
  );
};

export type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> &
  Labelled & { options: readonly { value: string; label: ReactNode }[] };

export const SelectField = ({ label, hint, error, fieldClassName, options, id, ...props }: SelectFieldProps) => {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} className={fieldClassName}>
      <select id={selectId} aria-invalid={error ? true : undefined} className={control} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled;

export const TextAreaField = ({ label, hint, error, fieldClassName, id, ...props }: TextAreaFieldProps) => {
  const generated = useId();
  const areaId = id ?? generated;
  return (
    <FieldFrame id={areaId} label={label} hint={hint} error={error} className={fieldClassName}>
      <textarea id={areaId} aria-invalid={error ? true : undefined} className={`${control} min-h-16`} {...props} />
    </FieldFrame>
  );
};

export type CheckboxProps = InputHTMLAttributes<HTMLInputElement> & { label: ReactNode };

export const Checkbox = ({ label, className = "", ...props }: CheckboxProps) => (
  <label className={`inline-flex items-center gap-1.5 text-sm ${className}`}>
    <input type="checkbox" className="size-4 accent-chip-500" {...props} />
    {label}
  </label>
);
