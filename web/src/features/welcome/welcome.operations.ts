// The first-run checklist of a new seller or buyer.
import { graphql } from '../../gql';

export const OnboardingChecklistQuery = graphql(`
  query OnboardingChecklist {
    onboardingChecklist {
      complete
      items {
        step
        done
      }
    }
  }
`);
