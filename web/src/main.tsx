import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@/app/global.css';
import { App } from '@/app/App';
import { initI18n } from '@/i18n';
import { registerServiceWorker } from '@/app/serviceWorker';
import { startFirstLoad } from '@/app/firstLoad';
import { queryClient } from '@/app/queryClient';

// Before the language loads: the page's code and data come in the same round trip as its messages.
startFirstLoad(queryClient);

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
registerServiceWorker();
