// A small typed vocabulary for the OpenAPI 3.1 document (decision record 041): JSON Schema
// 2020-12 objects built by helpers, so that every object schema lists its properties once and
// requires all of them unless named optional (the walking test validates answers against them).

export interface Schema {
  type?: string | string[]
  format?: string
  description?: string
  enum?: readonly (string | number | null)[]
  const?: string
  pattern?: string
  minimum?: number
  maximum?: number
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  oneOf?: Schema[]
  $ref?: string
  examples?: unknown[]
}

export const str: Schema = { type: 'string' }
export const nstr: Schema = { type: ['string', 'null'] }
export const int: Schema = { type: 'integer' }
export const nint: Schema = { type: ['integer', 'null'] }
export const num: Schema = { type: 'number' }
export const bool: Schema = { type: 'boolean' }
export const uri: Schema = { type: 'string', format: 'uri' }
export const nuri: Schema = { type: ['string', 'null'], format: 'uri' }
export const instant: Schema = {
  type: 'string',
  format: 'date-time',
  description: 'ISO 8601 in UTC.',
}
export const ninstant: Schema = { ...instant, type: ['string', 'null'] }
export const date: Schema = { type: 'string', format: 'date' }
export const ndate: Schema = { type: ['string', 'null'], format: 'date' }

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
export const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] })
export const arr = (items: Schema): Schema => ({ type: 'array', items })
export const oneOf = (values: readonly string[], description?: string): Schema => ({
  type: 'string',
  enum: values,
  ...(description ? { description } : {}),
})

/** An object with exactly these properties, all required except `optional`. */
export function obj(
  properties: Record<string, Schema>,
  options: { optional?: string[]; description?: string } = {},
): Schema {
  const optional = new Set(options.optional ?? [])
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    properties,
    required: Object.keys(properties).filter((key) => !optional.has(key)),
    additionalProperties: false,
  }
}

/** An object schema with more properties: the detail of a list item. */
export function extend(base: Schema, properties: Record<string, Schema>): Schema {
  return obj({ ...base.properties, ...properties }, { description: base.description ?? '' })
}
