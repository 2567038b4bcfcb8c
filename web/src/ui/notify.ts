import { notifications } from '@mantine/notifications';

export const notifySuccess = (message: string) => notifications.show({ message, color: 'teal', autoClose: 3000 });
export const notifyError = (message: string) => notifications.show({ message, color: 'red', autoClose: 6000 });
