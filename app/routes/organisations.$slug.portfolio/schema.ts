/** An organisation's address; anything else is simply not found. */
export { slugSchema } from '~/utils/slug'
