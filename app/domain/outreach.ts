// Who may see the SME reach page and send outreach to companies (decision record 032): a verified
// region or a verified intermediary. Shared by the models, the guards and the organisation page.
export function canReachOut(org: {
  kind: string
  public_body_type?: string | null
  verification_status: string
}) {
  return (
    org.verification_status === 'verified' &&
    (org.kind === 'intermediary' ||
      (org.kind === 'public_body' && org.public_body_type === 'region'))
  )
}
