export * from './common.ts';
export * from './company.ts';
export * from './role-facts.ts';
export * from './role-text.ts';
export * from './handbook.ts';
export * from './template.ts';
export * from './sign-offs.ts';
export * from './opening.ts';
