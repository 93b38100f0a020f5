export { createShopApp } from './shop-app.js';
export type { ShopOptions } from './shop-app.js';
export { loadShopBrands } from './shop-config.js';
export type { ShopBrand } from './shop-config.js';
export { DemoCustomerAuth } from './customer-auth.js';
export type { DemoCustomer } from './customer-auth.js';
export { demoBrandsDirectory, writeDemoBrands } from './demo-brands.js';
export type { DemoBrandsTarget } from './demo-brands.js';
export { DEMO_OLD_SIM_SWAP, DEMO_SIM_SWAPS } from './demo-sim-swaps.js';
