// Every page and who may open it.
import { Navigate, Route, Routes } from 'react-router';
import { RequireRole } from '../features/auth/RequireRole';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { homePathFor, useSession } from '../features/auth/session';
import { CalculatorPage } from '../features/calculator/CalculatorPage';
import { MarketplacePage } from '../features/marketplace/MarketplacePage';
import { CommissionPage } from '../features/operator/CommissionPage';
import { PriceFactorsPage } from '../features/operator/PriceFactorsPage';
import { PriceGridPage } from '../features/operator/PriceGridPage';
import { ApiKeysPage } from '../features/seller/ApiKeysPage';
import { CsvUploadPage } from '../features/seller/CsvUploadPage';
import { MyListingsPage } from '../features/seller/MyListingsPage';
import { SubmitLeadPage } from '../features/seller/SubmitLeadPage';
import { Loading } from '../lib/ui/feedback';
import { Page } from '../lib/ui/page';
import { Layout } from './Layout';

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  return <Navigate to={homePathFor(user?.role)} replace />;
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is nothing at this address.</p>
    </Page>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="calculator" element={<CalculatorPage />} />
        <Route path="marketplace" element={<RequireRole><MarketplacePage /></RequireRole>} />
        <Route path="seller">
          <Route index element={<Navigate to="listings" replace />} />
          <Route path="listings" element={<RequireRole roles={['SELLER']}><MyListingsPage /></RequireRole>} />
          <Route path="leads/new" element={<RequireRole roles={['SELLER']}><SubmitLeadPage /></RequireRole>} />
          <Route path="leads/csv" element={<RequireRole roles={['SELLER']}><CsvUploadPage /></RequireRole>} />
          <Route path="api-keys" element={<RequireRole roles={['SELLER']}><ApiKeysPage /></RequireRole>} />
        </Route>
        <Route path="operator">
          <Route index element={<Navigate to="price-grid" replace />} />
          <Route path="price-grid" element={<RequireRole roles={['OPERATOR']}><PriceGridPage /></RequireRole>} />
          <Route path="price-factors" element={<RequireRole roles={['OPERATOR']}><PriceFactorsPage /></RequireRole>} />
          <Route path="commission" element={<RequireRole roles={['OPERATOR']}><CommissionPage /></RequireRole>} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
