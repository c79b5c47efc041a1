// The audit log: operators every entry, an organisation's users their own organisation's.
import { graphql } from '../../gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          actorRole
          actorUserId
          actorName
          actorApiKeyId
          targetType
          targetId
          targetOrganizationId
          requestId
          details
        }
      }
    }
  }
`);

export const AuditActionsQuery = graphql(`
  query AuditActions {
    auditActions
  }
`);
