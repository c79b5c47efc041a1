// The signed-in user's sign-in security: two-factor sign-in (TOTP), sessions, the verification e-mail.
import { graphql } from '../../gql';

export const SecurityQuery = graphql(`
  query Security {
    twoFactorStatus {
      enabled
      enabledAt
      recoveryCodesLeft
      required
    }
    mySessions {
      id
      createdAt
      expiresAt
      current
      userAgent
      ip
    }
  }
`);

export const StartTotpEnrolmentMutation = graphql(`
  mutation StartTotpEnrolment {
    startTotpEnrolment {
      otpauthUri
      qrCodeDataUrl
      secret
    }
  }
`);

export const ConfirmTotpEnrolmentMutation = graphql(`
  mutation ConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code)
  }
`);

export const DisableTotpMutation = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const ResendEmailVerificationMutation = graphql(`
  mutation ResendEmailVerification {
    resendEmailVerification
  }
`);
