// Toasts. The notifications package loads on first use (it is not part of any page's first
// load); the <Notifications> host is mounted lazily by App.
const show = (message: string, color: string, autoClose: number) =>
  void import('@mantine/notifications').then(({ notifications }) => notifications.show({ message, color, autoClose }));

export const notifySuccess = (message: string) => show(message, 'teal', 3000);
export const notifyError = (message: string) => show(message, 'red', 6000);
