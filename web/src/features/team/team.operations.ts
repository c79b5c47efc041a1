// Teams: the organisation's members and invitations, and accepting an invitation.
import { graphql } from '../../gql';

export const TeamQuery = graphql(`
  query Team {
    members {
      id
      email
      name
      role
      joinedAt
    }
    invitations {
      id
      email
      role
      status
      expiresAt
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($email: String!, $role: MemberRole!) {
    inviteMember(email: $email, role: $role) {
      emailSent
      invitation {
        id
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($userId: ID!, $role: MemberRole!) {
    changeMemberRole(userId: $userId, role: $role) {
      id
      role
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $name: String!, $password: String!) {
    acceptInvitation(token: $token, name: $name, password: $password) {
      token
      user {
        id
        role
        memberRole
      }
    }
  }
`);
