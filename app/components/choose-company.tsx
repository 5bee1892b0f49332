import { Form } from '@remix-run/react'
import { SubmitButton } from './forms'

/**
 * For a user in several companies: pick one first (a plain GET form, `?company=<slug>`), so the
 * page can load that company's bid or application. The first company is chosen to begin with.
 */
export function ChooseCompany({
  companies,
  legend,
  submit,
}: {
  companies: ReadonlyArray<{ slug: string; name: string }>
  legend: string
  submit: string
}) {
  return (
    <Form method="get" className="stack">
      <fieldset className="field">
        <legend>{legend}</legend>
        <div className="choices">
          {companies.map((c, i) => (
            <div className="choice" key={c.slug}>
              <input
                type="radio"
                id={`company-${c.slug}`}
                name="company"
                value={c.slug}
                defaultChecked={i === 0}
              />
              <label htmlFor={`company-${c.slug}`}>{c.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton>{submit}</SubmitButton>
    </Form>
  )
}
