import { createContext, useContext } from 'react';
import type { FormOptions } from './formOptions';

const EMPTY: FormOptions = { personen: [], gevaarszinnen: [], doelen: [], acties: [], zorgen: [], tijdlijn: [], leden: [], netwerkNamen: [] };

/** The choices of every reference field on the plan page (persons, goals, members …), kept current. */
export const FormOptionsContext = createContext<FormOptions>(EMPTY);

/** The surrounding plan page's form options. */
export function useFormOptions(): FormOptions {
  return useContext(FormOptionsContext);
}
