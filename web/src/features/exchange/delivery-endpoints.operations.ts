// A buyer's delivery endpoints (several, one the default): list, create, change, remove, make default, send a test,
// rotate the signing secret.
import { graphql } from '../../gql';

export const DeliveryEndpointFields = graphql(`
  fragment DeliveryEndpointFields on DeliveryEndpoint {
    id
    name
    kind
    url
    recipients
    isDefault
    createdAt
    lastDeliveryStatus
    lastDeliveryAt
    mapping {
      format
      fields {
        to
        from
        constant
      }
    }
  }
`);

/** a new endpoint must show up even when the list held none before; deliveries change with endpoints */
export const ENDPOINTS_CONTEXT = { additionalTypenames: ['DeliveryEndpoint', 'WebhookEndpoint', 'Delivery'] };

export const DeliveryEndpointsQuery = graphql(`
  query DeliveryEndpoints {
    deliveryEndpoints {
      ...DeliveryEndpointFields
    }
  }
`);

export const CreateDeliveryEndpointMutation = graphql(`
  mutation CreateDeliveryEndpoint($input: DeliveryEndpointInput!) {
    createDeliveryEndpoint(input: $input) {
      ...DeliveryEndpointFields
      secret
    }
  }
`);

export const RemoveDeliveryEndpointMutation = graphql(`
  mutation RemoveDeliveryEndpoint($id: ID!) {
    removeDeliveryEndpoint(id: $id)
  }
`);

export const SetDefaultDeliveryEndpointMutation = graphql(`
  mutation SetDefaultDeliveryEndpoint($id: ID!) {
    setDefaultDeliveryEndpoint(id: $id) {
      id
      isDefault
    }
  }
`);

export const SendTestDeliveryMutation = graphql(`
  mutation SendTestDelivery($endpointId: ID!) {
    sendTestDelivery(endpointId: $endpointId) {
      ok
      httpStatus
      error
      responseBody
    }
  }
`);

export const RotateDeliveryEndpointSecretMutation = graphql(`
  mutation RotateDeliveryEndpointSecret($id: ID!) {
    rotateDeliveryEndpointSecret(id: $id) {
      id
      url
      secret
    }
  }
`);
