// Where each described field of an instrument sits in the form, and what the page adds to the
// description: the label key where it is not instrument.fields.<name>, the data-test id, the
// column width, placeholder and help. Types, limits, required and choices come from the server.
export interface FieldPlacement {
  name: string
  /** Columns out of 24 from the md breakpoint up (full width below); default 12. */
  md?: number
  test?: string
  label?: string
  placeholder?: string
  help?: string
  rows?: number
  /** Text key prefix of the field's enumeration labels. */
  labels?: string
  /** The value of a new instrument. */
  initial?: string
  /** Shown, and then required, only while this (bool) field is on. */
  requiredWith?: string
}

export interface FormSection {
  title: string
  fields?: FieldPlacement[]
  /** A section the page draws itself. */
  own?: 'industry' | 'photos'
}

export const INSTRUMENT_FORM: FormSection[] = [
  {
    title: 'form.basic',
    fields: [
      { name: 'name', test: 'f-name', placeholder: 'form.namePlaceholder' },
      { name: 'name_en', test: 'f-name-en' },
      { name: 'class_code', test: 'f-class', placeholder: 'form.classPlaceholder' },
      { name: 'model', test: 'f-model' },
      { name: 'manufacturer', test: 'f-manufacturer' },
      { name: 'country', test: 'f-country' },
      { name: 'functions', md: 24, test: 'f-functions' },
      { name: 'technical_indicators', md: 24 },
    ],
  },
  {
    title: 'form.value',
    fields: [
      { name: 'original_value_fen', md: 8, test: 'f-value', label: 'form.originalValue', help: 'form.originalValueHint' },
      { name: 'purchase_date', md: 8 },
      { name: 'acceptance_date', md: 8 },
      { name: 'duty_free', md: 8 },
      { name: 'customs_supervision_end', md: 8, requiredWith: 'duty_free' },
    ],
  },
  {
    title: 'form.sharing',
    fields: [
      { name: 'district_code', md: 8, test: 'f-district', placeholder: 'form.districtPlaceholder' },
      { name: 'location', md: 16 },
      { name: 'open_status', md: 8, test: 'f-open-status', labels: 'instrument.openStatus', initial: 'open' },
      { name: 'service_modes', md: 16, test: 'f-service-modes', labels: 'instrument.serviceModes' },
      { name: 'fee_standard', rows: 2 },
      { name: 'booking_rules', rows: 2 },
    ],
  },
  // The national platform's elements (docs/design/national-report.md): optional here, required by
  // the national report's check.
  {
    title: 'form.national',
    fields: [
      { name: 'subject', test: 'f-subject', help: 'form.subjectHint' },
      { name: 'running_state', test: 'f-running-state', labels: 'instrument.runningState', help: 'form.runningStateHint' },
    ],
  },
  { title: 'form.industry', own: 'industry' },
  { title: 'photos.title', own: 'photos' },
  {
    title: 'form.contact',
    fields: [
      { name: 'contact_name', md: 8 },
      { name: 'contact_phone', md: 8 },
      { name: 'contact_email', md: 8 },
    ],
  },
]

/** Every placed field, in form order. */
export const PLACED_FIELDS: FieldPlacement[] = INSTRUMENT_FORM.flatMap((s) => s.fields ?? [])
