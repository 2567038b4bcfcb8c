/** The PWA's service worker (public/sw.js), in production builds only so dev reloads stay fresh. */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // the app works without it; only offline start and install are lost
    });
  });
}
