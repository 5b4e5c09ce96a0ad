// The kinds a unit registers besides instruments (issue 19 §7): labs, service products and finance
// products, each a form generated from GET /kinds/<kind> (shared/describedForm.ts) and a list of
// the unit's own objects. The placements below only order and size the described fields; types,
// limits, required and choices are the server's. Instruments keep their own richer form.
import { placedNames, type Section } from '@/shared/describedForm'

export type UnitKind = 'lab' | 'service' | 'finance_product'
export type UnitLink = 'industry_codes'

export interface UnitKindDef {
  kind: UnitKind
  collection: string
  /** Who registers it (the registry's owner roles); the operator may too. */
  roles: string[]
  sections: Section<UnitLink>[]
  /** The list's second column: an enum field labelled by unit.<kind>.kinds. */
  listField: string
}

const contact = (prefix: string): Section<UnitLink> => ({
  title: `${prefix}.contact`,
  fields: [{ name: 'contact_name', md: 8 }, { name: 'contact_phone', md: 8 }, { name: 'contact_email', md: 8 }],
})

export const UNIT_KINDS: Record<UnitKind, UnitKindDef> = {
  lab: {
    kind: 'lab',
    collection: 'labs',
    roles: ['unit_admin', 'operator'],
    listField: 'kind',
    sections: [
      {
        title: 'unit.section.basic',
        fields: [
          { name: 'name', md: 24 },
          { name: 'kind', labels: 'unit.lab.kinds' },
          { name: 'open_status', labels: 'instrument.openStatus' },
          { name: 'district_code', md: 8 },
          { name: 'address', md: 16 },
          { name: 'base_id' },
          { name: 'description', md: 24, rows: 4 },
        ],
        links: ['industry_codes'],
      },
      contact('unit.section'),
    ],
  },
  service: {
    kind: 'service',
    collection: 'services',
    roles: ['unit_admin', 'operator'],
    listField: 'kind',
    sections: [
      {
        title: 'unit.section.basic',
        fields: [
          { name: 'name', md: 24 },
          { name: 'kind', md: 8, labels: 'unit.service.kinds' },
          { name: 'field', md: 8 },
          { name: 'lab_id', md: 8 },
          { name: 'content', md: 24, rows: 3 },
          { name: 'parameters', md: 24, rows: 3 },
          { name: 'district_code', md: 8 },
        ],
        links: ['industry_codes'],
      },
      {
        title: 'unit.section.price',
        fields: [
          { name: 'price_unit', md: 8, labels: 'unit.service.units' },
          { name: 'price_fen', md: 8 },
          { name: 'remarks', md: 24, rows: 2 },
        ],
      },
      {
        title: 'unit.section.accreditation',
        fields: [
          { name: 'cnas_cert_no', md: 12 },
          { name: 'cnas_expiry', md: 12 },
          { name: 'cma_cert_no', md: 12 },
          { name: 'cma_expiry', md: 12 },
        ],
      },
      contact('unit.section'),
    ],
  },
  finance_product: {
    kind: 'finance_product',
    collection: 'finance-products',
    roles: ['financial_institution', 'operator'],
    listField: 'kind',
    sections: [
      {
        title: 'unit.section.basic',
        fields: [
          { name: 'name', md: 24 },
          { name: 'kind', labels: 'unit.finance_product.kinds' },
          { name: 'base_id' },
          { name: 'amount_min_fen' },
          { name: 'amount_max_fen' },
          { name: 'features', md: 24, rows: 3 },
          { name: 'eligibility', md: 24, rows: 3 },
        ],
      },
      { title: 'unit.section.contact', fields: [{ name: 'contact_name' }, { name: 'contact_phone' }] },
    ],
  },
}

export const UNIT_KIND_LIST: UnitKindDef[] = Object.values(UNIT_KINDS)

/** The kind registered under a collection (labs, services, finance-products); undefined for others. */
export function unitKindOf(collection: string): UnitKindDef | undefined {
  return UNIT_KIND_LIST.find((d) => d.collection === collection)
}

/** The collections of the unit kinds, as a route parameter's pattern. */
export const UNIT_COLLECTIONS = UNIT_KIND_LIST.map((d) => d.collection).join('|')

/** Every name a server error may point at in any unit kind's form. */
export const UNIT_FIELD_NAMES: string[] = placedNames(UNIT_KIND_LIST.map((d) => d.sections))
