// The app's providers: GraphQL client, session, router.
import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../features/auth/session';
import { GraphqlProvider } from '../lib/graphql-client';
import { AppRoutes } from './routes';

export function App() {
  return (
    <GraphqlProvider>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </GraphqlProvider>
  );
}
