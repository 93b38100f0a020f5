import type { Translation } from './template.js';

export const ar: Translation = {
  // Opens with Arabic so the message is laid out right to left even when the brand's name is in Latin letters.
  // Arabic is UCS-2 (67 characters a segment): the SMS leaves out the validity to stay within two segments for
  // most brands. In the email, {minutes} is a predicate (nominative), where "دقيقتان" and "5 دقائق" read right.
  sms: 'رمز {brand} لتأكيد طلبك بمبلغ {amount} هو {code}. لا تشاركه مع أحد.',
  email: {
    subject: 'أكّد طلبك من {brand} بمبلغ {amount}',
    text:
      'مرحبًا،\n\n' +
      'لتأكيد طلبك من {brand} بمبلغ {amount}، أدخل هذا الرمز:\n\n' +
      '{code}\n\n' +
      'صلاحيته {minutes}. لا تشاركه مع أحد: لن تطلبه منك {brand} أبدًا.\n\n' +
      'إذا لم تقم بهذا الطلب، فتجاهل هذه الرسالة.',
  },
};
