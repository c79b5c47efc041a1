// Every page and who may open it. Pages beyond signing in load on first visit, so each role downloads only
// its own area (the marketplace too: an operator or a visitor of the front page never needs it).
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireRole } from '../features/auth/RequireRole';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { VerifyEmailPage } from '../features/auth/VerifyEmailPage';
import { homePathFor, useSession } from '../features/auth/session';
import { Loading } from '../lib/ui/feedback';
import { Page } from '../lib/ui/page';
import { Layout } from './Layout';

const MarketplacePage = lazy(() => import('../features/marketplace/MarketplacePage').then((m) => ({ default: m.MarketplacePage })));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const CalculatorPage = lazy(() => import('../features/calculator/CalculatorPage').then((m) => ({ default: m.CalculatorPage })));
const BuyerDashboardPage = lazy(() => import('../features/dashboard/BuyerDashboardPage').then((m) => ({ default: m.BuyerDashboardPage })));
const CommissionPage = lazy(() => import('../features/operator/CommissionPage').then((m) => ({ default: m.CommissionPage })));
const DisputesQueuePage = lazy(() => import('../features/operator/DisputesQueuePage').then((m) => ({ default: m.DisputesQueuePage })));
const LedgerPage = lazy(() => import('../features/operator/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const OperatorOverviewPage = lazy(() => import('../features/operator/OperatorOverviewPage').then((m) => ({ default: m.OperatorOverviewPage })));
const PriceFactorsPage = lazy(() => import('../features/operator/PriceFactorsPage').then((m) => ({ default: m.PriceFactorsPage })));
const PriceGridPage = lazy(() => import('../features/operator/PriceGridPage').then((m) => ({ default: m.PriceGridPage })));
const ReturnPoliciesPage = lazy(() => import('../features/operator/ReturnPoliciesPage').then((m) => ({ default: m.ReturnPoliciesPage })));
const SellersPage = lazy(() => import('../features/operator/SellersPage').then((m) => ({ default: m.SellersPage })));
const VerificationTasksPage = lazy(() => import('../features/operator/VerificationTasksPage').then((m) => ({ default: m.VerificationTasksPage })));
const CampaignsPage = lazy(() => import('../features/exchange/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const NewCampaignPage = lazy(() => import('../features/exchange/CampaignEditPage').then((m) => ({ default: m.NewCampaignPage })));
const EditCampaignPage = lazy(() => import('../features/exchange/CampaignEditPage').then((m) => ({ default: m.EditCampaignPage })));
const WalletReceiptPage = lazy(() => import('../features/exchange/WalletReceiptPage').then((m) => ({ default: m.WalletReceiptPage })));
const WalletPage = lazy(() => import('../features/exchange/WalletPage').then((m) => ({ default: m.WalletPage })));
const SuppressionListPage = lazy(() => import('../features/suppression/SuppressionListPage').then((m) => ({ default: m.SuppressionListPage })));
const DeliveriesPage = lazy(() => import('../features/exchange/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage })));
const DeliveryEndpointsPage = lazy(() => import('../features/exchange/DeliveryEndpointsPage').then((m) => ({ default: m.DeliveryEndpointsPage })));
const OrdersPage = lazy(() => import('../features/orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const OrderPage = lazy(() => import('../features/orders/OrderPage').then((m) => ({ default: m.OrderPage })));
const PurchasesPage = lazy(() => import('../features/purchases/PurchasesPage').then((m) => ({ default: m.PurchasesPage })));
const ApiKeysPage = lazy(() => import('../features/seller/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const CsvUploadPage = lazy(() => import('../features/seller/CsvUploadPage').then((m) => ({ default: m.CsvUploadPage })));
const MyListingsPage = lazy(() => import('../features/seller/MyListingsPage').then((m) => ({ default: m.MyListingsPage })));
const PayoutsPage = lazy(() => import('../features/seller/PayoutsPage').then((m) => ({ default: m.PayoutsPage })));
const ReturnsPage = lazy(() => import('../features/seller/ReturnsPage').then((m) => ({ default: m.ReturnsPage })));
const SalesPage = lazy(() => import('../features/seller/SalesPage').then((m) => ({ default: m.SalesPage })));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const CertificatePage = lazy(() => import('../features/consent/CertificatePage').then((m) => ({ default: m.CertificatePage })));
const FormOriginsPage = lazy(() => import('../features/consent/FormOriginsPage').then((m) => ({ default: m.FormOriginsPage })));
const SecurityPage = lazy(() => import('../features/security/SecurityPage').then((m) => ({ default: m.SecurityPage })));
const TeamPage = lazy(() => import('../features/team/TeamPage').then((m) => ({ default: m.TeamPage })));
const AcceptInvitationPage = lazy(() => import('../features/team/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })));
const FrontPage = lazy(() => import('../features/welcome/FrontPage').then((m) => ({ default: m.FrontPage })));
const WelcomePage = lazy(() => import('../features/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage })));
const SubmitLeadPage = lazy(() => import('../features/seller/SubmitLeadPage').then((m) => ({ default: m.SubmitLeadPage })));

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  // before sign-in, the front page; signed-in users go to their home
  if (!user) return <FrontPage />;
  return <Navigate to={homePathFor(user.role)} replace />;
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
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route
          path="security"
          element={
            <RequireRole>
              <SecurityPage />
            </RequireRole>
          }
        />
        <Route path="calculator" element={<CalculatorPage />} />
        <Route
          path="welcome"
          element={
            <RequireRole roles={['SELLER', 'BUYER']}>
              <WelcomePage />
            </RequireRole>
          }
        />
        <Route path="accept-invitation" element={<AcceptInvitationPage />} />
        <Route
          path="team"
          element={
            <RequireRole roles={['BUYER', 'SELLER', 'OPERATOR']}>
              <TeamPage />
            </RequireRole>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireRole>
              <NotificationsPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole>
              <AuditLogPage />
            </RequireRole>
          }
        />
        <Route
          path="marketplace"
          element={
            <RequireRole>
              <MarketplacePage />
            </RequireRole>
          }
        />
        <Route
          path="orders"
          element={
            <RequireRole roles={['BUYER']}>
              <OrdersPage />
            </RequireRole>
          }
        />
        <Route
          path="orders/:id"
          element={
            <RequireRole roles={['BUYER']}>
              <OrderPage />
            </RequireRole>
          }
        />
        <Route
          path="purchases"
          element={
            <RequireRole roles={['BUYER']}>
              <PurchasesPage />
            </RequireRole>
          }
        />
        <Route
          path="certificates/:id"
          element={
            <RequireRole roles={['BUYER', 'SELLER', 'OPERATOR']}>
              <CertificatePage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireRole roles={['BUYER']}>
              <BuyerDashboardPage />
            </RequireRole>
          }
        />
        <Route path="campaigns">
          <Route
            index
            element={
              <RequireRole roles={['BUYER']}>
                <CampaignsPage />
              </RequireRole>
            }
          />
          <Route
            path="new"
            element={
              <RequireRole roles={['BUYER']}>
                <NewCampaignPage />
              </RequireRole>
            }
          />
          <Route
            path=":id/edit"
            element={
              <RequireRole roles={['BUYER']}>
                <EditCampaignPage />
              </RequireRole>
            }
          />
        </Route>
        <Route
          path="wallet"
          element={
            <RequireRole roles={['BUYER']}>
              <WalletPage />
            </RequireRole>
          }
        />
        <Route
          path="wallet/receipts/:id"
          element={
            <RequireRole roles={['BUYER']}>
              <WalletReceiptPage />
            </RequireRole>
          }
        />
        <Route
          path="deliveries"
          element={
            <RequireRole roles={['BUYER']}>
              <DeliveriesPage />
            </RequireRole>
          }
        />
        <Route
          path="delivery-endpoints"
          element={
            <RequireRole roles={['BUYER']}>
              <DeliveryEndpointsPage />
            </RequireRole>
          }
        />
        <Route
          path="suppression"
          element={
            <RequireRole roles={['BUYER']}>
              <SuppressionListPage />
            </RequireRole>
          }
        />
        <Route path="seller">
          <Route index element={<Navigate to="listings" replace />} />
          <Route
            path="listings"
            element={
              <RequireRole roles={['SELLER']}>
                <MyListingsPage />
              </RequireRole>
            }
          />
          <Route
            path="leads/new"
            element={
              <RequireRole roles={['SELLER']}>
                <SubmitLeadPage />
              </RequireRole>
            }
          />
          <Route
            path="leads/csv"
            element={
              <RequireRole roles={['SELLER']}>
                <CsvUploadPage />
              </RequireRole>
            }
          />
          <Route
            path="sales"
            element={
              <RequireRole roles={['SELLER']}>
                <SalesPage />
              </RequireRole>
            }
          />
          <Route
            path="returns"
            element={
              <RequireRole roles={['SELLER']}>
                <ReturnsPage />
              </RequireRole>
            }
          />
          <Route
            path="payouts"
            element={
              <RequireRole roles={['SELLER']}>
                <PayoutsPage />
              </RequireRole>
            }
          />
          <Route
            path="origins"
            element={
              <RequireRole roles={['SELLER']}>
                <FormOriginsPage />
              </RequireRole>
            }
          />
          <Route
            path="api-keys"
            element={
              <RequireRole roles={['SELLER']}>
                <ApiKeysPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="operator">
          <Route index element={<Navigate to="disputes" replace />} />
          <Route
            path="overview"
            element={
              <RequireRole roles={['OPERATOR']}>
                <OperatorOverviewPage />
              </RequireRole>
            }
          />
          <Route
            path="disputes"
            element={
              <RequireRole roles={['OPERATOR']}>
                <DisputesQueuePage />
              </RequireRole>
            }
          />
          <Route
            path="return-policies"
            element={
              <RequireRole roles={['OPERATOR']}>
                <ReturnPoliciesPage />
              </RequireRole>
            }
          />
          <Route
            path="verification"
            element={
              <RequireRole roles={['OPERATOR']}>
                <VerificationTasksPage />
              </RequireRole>
            }
          />
          <Route
            path="sellers"
            element={
              <RequireRole roles={['OPERATOR']}>
                <SellersPage />
              </RequireRole>
            }
          />
          <Route
            path="ledger"
            element={
              <RequireRole roles={['OPERATOR']}>
                <LedgerPage />
              </RequireRole>
            }
          />
          <Route
            path="price-grid"
            element={
              <RequireRole roles={['OPERATOR']}>
                <PriceGridPage />
              </RequireRole>
            }
          />
          <Route
            path="price-factors"
            element={
              <RequireRole roles={['OPERATOR']}>
                <PriceFactorsPage />
              </RequireRole>
            }
          />
          <Route
            path="commission"
            element={
              <RequireRole roles={['OPERATOR']}>
                <CommissionPage />
              </RequireRole>
            }
          />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
