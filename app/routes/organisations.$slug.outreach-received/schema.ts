// The company's choice to receive no outreach (decision record 032); the settings page posts the
// same form here, so the schema lives with the form component both render.
export { optOutSchema } from '~/components/outreach-opt-out'
