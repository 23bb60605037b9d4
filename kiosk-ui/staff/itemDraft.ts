import {
  MATERIAL_FORMS,
  type CatalogItem,
  type CatalogMaterial,
  type MaterialForm,
} from '../../domain';

/**
 * An item as the console's form holds it: plain text in every box, lists one entry a line, so
 * staff type with the keyboard they have. `toItem` turns it back; the catalog's schema then
 * judges the result (updateItem / addItem), so the form never holds rules of its own.
 */
export interface ItemDraft {
  code: string;
  name: string;
  nameEn: string;
  department: CatalogItem['department'];
  audience: CatalogItem['audience'];
  channel: CatalogItem['channel'];
  queueService: string;
  legalDays: string;
  promisedDays: string;
  conditions: string;
  materials: string;
  steps: string;
  legalBasis: string;
  window: string;
  address: string;
  hours: string;
  enquiryTelephone: string;
  complaintTelephone: string;
  result: string;
  declaration: string;
}

export const FORM_NAMES: Readonly<Record<MaterialForm, string>> = {
  original: '原件',
  copy: '复印件',
  electronic: '电子证照',
};

const lines = (list: readonly string[]) => list.join('\n');
const listOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A material as one line: 名称｜原件｜1｜备注 (the note may be left off). */
export function materialText(material: CatalogMaterial): string {
  const parts = [material.name, FORM_NAMES[material.form], String(material.copies)];
  if (material.notes) parts.push(material.notes);
  return parts.join('｜');
}

/**
 * A material line read back; the form by its Chinese name (or its code), the copies as a whole
 * number (1 when left out). Anything it cannot read stays as typed, for the schema to refuse with
 * its reason (a form that is none of the three, copies that are not a number).
 */
export function materialOf(line: string, before: readonly CatalogMaterial[]): CatalogMaterial {
  const [name = '', form = '', copies = '', ...notes] = line.split(/[|｜]/).map((p) => p.trim());
  const formCode =
    MATERIAL_FORMS.find((code) => FORM_NAMES[code] === form || code === form) ??
    (form as MaterialForm);
  const count = copies === '' ? 1 : Number(copies);
  const note = notes.join('｜');
  // A material kept by name keeps what the form does not show (captured at the kiosk or not).
  const kept = before.find((m) => m.name === name);
  return {
    name,
    form: formCode,
    copies: count,
    ...(note !== '' && { notes: note }),
    ...(kept?.capture !== undefined && { capture: kept.capture }),
  };
}

export function draftOf(item: CatalogItem): ItemDraft {
  return {
    code: item.code,
    name: item.name,
    nameEn: item.nameEn ?? '',
    department: item.department,
    audience: item.audience,
    channel: item.channel,
    queueService: item.queueService,
    legalDays: String(item.legalDays),
    promisedDays: String(item.promisedDays),
    conditions: lines(item.conditions),
    materials: lines(item.materials.map(materialText)),
    steps: lines(item.steps),
    legalBasis: lines(item.legalBasis),
    window: item.place.window,
    address: item.place.address,
    hours: item.place.hours,
    enquiryTelephone: item.enquiryTelephone,
    complaintTelephone: item.complaintTelephone,
    result: item.result ?? '',
    declaration: item.declaration ?? '',
  };
}

/** A number box: a whole number as typed, or the text itself for the schema to refuse. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The item the form describes, on top of `base` (what the form does not show, the fees and the
 * short form, stays as it was). Empty optional boxes leave their field out.
 */
export function toItem(draft: ItemDraft, base: CatalogItem): CatalogItem {
  const { nameEn: _en, result: _result, declaration: _declaration, ...rest } = base;
  return {
    ...rest,
    code: draft.code.trim(),
    name: draft.name,
    ...(draft.nameEn.trim() !== '' && { nameEn: draft.nameEn }),
    department: draft.department,
    audience: draft.audience,
    channel: draft.channel,
    queueService: draft.queueService,
    legalDays: numberOf(draft.legalDays),
    promisedDays: numberOf(draft.promisedDays),
    conditions: listOf(draft.conditions),
    materials: listOf(draft.materials).map((line) => materialOf(line, base.materials)),
    steps: listOf(draft.steps),
    legalBasis: listOf(draft.legalBasis),
    place: { window: draft.window, address: draft.address, hours: draft.hours },
    enquiryTelephone: draft.enquiryTelephone.trim(),
    complaintTelephone: draft.complaintTelephone.trim(),
    ...(draft.result.trim() !== '' && { result: draft.result }),
    ...(draft.declaration.trim() !== '' && { declaration: draft.declaration }),
  };
}
