// Texts for organisations: registration, profiles, members and invitations.
const sv = {
  'org.kind.public_body': 'Offentlig aktör',
  'org.kind.company': 'Företag',
  'org.type.region': 'Region',
  'org.type.municipality': 'Kommun',
  'org.type.agency': 'Myndighet',
  'org.type.public_company': 'Offentligt ägt bolag',
  'org.size.micro': 'Mikroföretag',
  'org.size.small': 'Litet företag',
  'org.size.medium': 'Medelstort företag',
  'org.size.large': 'Stort företag',
  'org.status.pending': 'Väntar på verifiering',
  'org.status.verified': 'Verifierad',
  'org.status.rejected': 'Ej godkänd',
  'org.status.not_required': 'Företag',
} as const

const en: Record<keyof typeof sv, string> = {
  'org.kind.public_body': 'Public body',
  'org.kind.company': 'Company',
  'org.type.region': 'Region',
  'org.type.municipality': 'Municipality',
  'org.type.agency': 'Government agency',
  'org.type.public_company': 'Publicly owned company',
  'org.size.micro': 'Micro enterprise',
  'org.size.small': 'Small enterprise',
  'org.size.medium': 'Medium-sized enterprise',
  'org.size.large': 'Large enterprise',
  'org.status.pending': 'Awaiting verification',
  'org.status.verified': 'Verified',
  'org.status.rejected': 'Not approved',
  'org.status.not_required': 'Company',
}

export default { sv, en }
