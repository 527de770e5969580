/**
 * A typeahead that follows the WAI-ARIA combobox pattern (list autocomplete): the input keeps focus,
 * arrows move the active option (aria-activedescendant), Enter picks it, Escape closes then clears,
 * and a polite live region says how many suggestions there are. Searching is debounced and only the
 * latest query's answer is shown.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { useLatestRequest } from '../hooks/use-latest-request.js';
import { isListKey, nextActiveIndex } from './listbox-navigation.js';

export interface ComboboxOption {
  id: string;
  label: string;
  /** Secondary text: the synonym that matched, a code. */
  detail?: string;
}

export interface ComboboxProps {
  label: string;
  placeholder?: string;
  /** Extra instructions read after the label. */
  hint?: string;
  search: (query: string, signal: AbortSignal) => Promise<ComboboxOption[]>;
  onSelect: (option: ComboboxOption) => void;
  minChars?: number;
  /** Rendered after the input (e.g. the present/absent toggle). */
  children?: ReactNode;
  testId?: string;
  /** Take focus when shown (the findings box, once a patient is open). */
  autoFocus?: boolean;
}

export function Combobox(props: ComboboxProps) {
  const {
    label,
    placeholder,
    hint,
    search,
    onSelect,
    minChars = 2,
    children,
    testId,
    autoFocus,
  } = props;
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = query.trim();
  const settled = useDebouncedValue(typed, 150);
  const key = settled.length >= minChars ? settled : '';
  const result = useLatestRequest(key, (signal) => search(key, signal));
  // Only options for exactly what is typed now: Enter must never pick an answer to older text.
  const current = key !== '' && key === typed && result.dataKey === key;
  const options = current ? (result.data ?? []) : [];
  const expanded = open && typed.length >= minChars;
  const optionId = (index: number) => `${id}-option-${String(index)}`;

  const choose = (option: ComboboxOption | undefined) => {
    if (!option) {
      return;
    }
    onSelect(option);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isListKey(event.key) && (event.key === 'ArrowDown' || event.key === 'ArrowUp' || open)) {
      if (!open) {
        setOpen(true);
      }
      if (options.length > 0) {
        event.preventDefault();
        setActive(nextActiveIndex({ current: active, key: event.key, count: options.length }));
      }
      return;
    }
    if (event.key === 'Enter') {
      if (expanded && options.length > 0) {
        event.preventDefault();
        choose(options[active >= 0 ? active : 0]);
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (open) {
        setOpen(false);
        setActive(-1);
      } else {
        setQuery('');
      }
    }
  };

  const status =
    typed.length < minChars
      ? ''
      : !current && !result.error
        ? 'Searching…'
        : result.error
          ? `Search failed: ${result.error.message}`
          : options.length === 0
            ? 'No matches in the knowledge base'
            : `${String(options.length)} suggestion${options.length === 1 ? '' : 's'}; use the arrow keys`;

  return (
    <div className="combobox" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="combobox-row">
        <input
          id={id}
          type="text"
          role="combobox"
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hint ? hintId : undefined}
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
          }}
          onFocus={() => {
            setOpen(true);
          }}
        />
        {children}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="listbox"
        hidden={!expanded || options.length === 0}
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'option active' : 'option'}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            // Move, not enter: a list that opens under a resting pointer must not take the
            // active option away from the keyboard.
            onMouseMove={() => {
              if (index !== active) {
                setActive(index);
              }
            }}
          >
            <span className="option-label">{option.label}</span>
            {option.detail ? <span className="option-detail">{option.detail}</span> : null}
          </li>
        ))}
      </ul>
      {expanded && options.length === 0 ? (
        <p className="listbox-empty" aria-hidden="true">
          {status}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {open ? status : ''}
      </p>
    </div>
  );
}
