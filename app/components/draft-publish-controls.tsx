import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** The message prefixes of the pages that publish a draft: a call's and a test-bed offer's. */
type Messages = 'callEdit.edit' | 'offers.lifecycle'

/**
 * A draft's publish button and its two-step delete (`?confirm=delete` asks first), each a small
 * form that works without JavaScript; an unverified organisation is told it cannot publish yet.
 */
export function DraftPublishControls({
  messages: m,
  verified,
  confirmDelete,
}: {
  messages: Messages
  verified: boolean
  confirmDelete: boolean
}) {
  const t = useT()
  return (
    <>
      {verified ? null : (
        <div className="notice notice--warn">
          <p>{t(`${m}.unverified`)}</p>
        </div>
      )}
      <p>{t(`${m}.publishHelp`)}</p>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="publish" className="button">
          {t(`${m}.publish`)}
        </button>
        {confirmDelete ? null : (
          <Link to="?confirm=delete" className="button button--secondary">
            {t(`${m}.delete`)}
          </Link>
        )}
      </Form>
      {confirmDelete ? (
        <div className="notice notice--warn">
          <h3>{t(`${m}.deleteTitle`)}</h3>
          <p>{t(`${m}.deleteBody`)}</p>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="delete" className="button button--danger">
              {t(`${m}.deleteConfirm`)}
            </button>
            <Link to="." className="button button--secondary">
              {t(`${m}.deleteCancel`)}
            </Link>
          </Form>
        </div>
      ) : null}
    </>
  )
}
