// Session operations: who is signed in, sign up, sign in, sign out.
import { graphql } from '../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      name
      role
      emailVerified
      twoFactorEnrolmentRequired
      memberRole
      organization {
        id
        name
        kind
        qualityScore
        suspended
      }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      twoFactorRequired
      challengeToken
      user {
        id
        name
        role
      }
    }
  }
`);

export const CompleteTwoFactorSignInMutation = graphql(`
  mutation CompleteTwoFactorSignIn($challengeToken: String!, $code: String, $recoveryCode: String) {
    completeTwoFactorSignIn(challengeToken: $challengeToken, code: $code, recoveryCode: $recoveryCode) {
      user {
        id
        name
        role
      }
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        name
        role
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
