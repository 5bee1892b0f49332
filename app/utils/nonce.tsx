import { createContext, useContext } from 'react'

// The CSP nonce for this response. Browsers hide the attribute's value from scripts, so on the
// client it is the empty string, which React then leaves alone during hydration.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
