import { createApp } from 'vue';
import Checkout from './Checkout.vue';

createApp(Checkout, { order: { id: 'A-1001', amount: 129900, currency: 'EUR' } }).mount('#app');
