// The whole drizzle schema: one file per table group.
export * from './accounts';
export * from './catalog';
export * from './leads';
export * from './orders';
export * from './ledger';
export * from './disputes';
export * from './exchange';
export * from './suppression';
export * from './consent';
export * from './returns';
export * from './statuses';
export * from './remote-bidding';
export * from './notifications';
export * from './audit';
export * from './two-factor';
export * from './account-tokens';
export * from './teams';
