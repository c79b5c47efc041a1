// The app's providers: GraphQL client, session, the platform's currency, router.
import { BrowserRouter } from 'react-router';
import { SessionProvider } from '../features/auth/session';
import { GraphqlProvider } from '../lib/graphql-client';
import { PlatformProvider } from '../lib/platform';
import { AppRoutes } from './routes';

export function App() {
  return (
    <GraphqlProvider>
      <SessionProvider>
        {/* inside the session provider, so `me` and `platform` are asked at once */}
        <PlatformProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </PlatformProvider>
      </SessionProvider>
    </GraphqlProvider>
  );
}
