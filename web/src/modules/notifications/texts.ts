// Texts of the inbox: the bell, the page, and one sentence per kind of notification.
import { defineTexts } from '@/shared/i18n'

const zh = {
  inbox: {
    title: '消息',
    bell: '消息（{n} 条未读）',
    unreadOnly: '只看未读',
    readAll: '全部标为已读',
    read: '标为已读',
    empty: '没有消息',
    reason: '理由：{reason}',
    unknown: '新消息（{kind}）',
    kinds: {
      booking_requested: '新的预约申请：{instrument}，{span}',
      booking_booked: '新的预约：{instrument}，{span}',
      booking_rescheduled: '预约已改期：{instrument}，{span}',
      booking_approved: '预约已确认：{instrument}，{span}',
      booking_rejected: '预约未通过：{instrument}，{span}',
      booking_cancelled: '预约已取消：{instrument}，{span}',
      booking_completed: '服务已完成：{instrument}，{span}',
      booking_reminder: '明天的预约：{instrument}，{span}',
      booking_please_rate: '请评价本次服务：{instrument}，{span}',
      order_requested: '新的服务订单：{service}',
      order_quoted: '订单已报价：{service}，{price} 元',
      order_confirmed: '客户已确认报价：{service}',
      order_started: '订单开始服务：{service}',
      order_completed: '订单已完成：{service}',
      order_rejected: '订单未受理：{service}',
      order_cancelled: '订单已取消：{service}',
      order_please_rate: '请评价本次服务：{service}',
    },
  },
}

// English: the type checker holds it to the same keys as the Chinese.
export const notificationsTexts = defineTexts(zh, {
  inbox: {
    title: 'Messages',
    bell: 'Messages ({n} unread)',
    unreadOnly: 'Unread only',
    readAll: 'Mark all read',
    read: 'Mark read',
    empty: 'No messages',
    reason: 'Reason: {reason}',
    unknown: 'New message ({kind})',
    kinds: {
      booking_requested: 'New booking request: {instrument}, {span}',
      booking_booked: 'New booking: {instrument}, {span}',
      booking_rescheduled: 'Booking moved: {instrument}, {span}',
      booking_approved: 'Booking approved: {instrument}, {span}',
      booking_rejected: 'Booking rejected: {instrument}, {span}',
      booking_cancelled: 'Booking cancelled: {instrument}, {span}',
      booking_completed: 'Service completed: {instrument}, {span}',
      booking_reminder: 'Booked for tomorrow: {instrument}, {span}',
      booking_please_rate: 'Please rate the service: {instrument}, {span}',
      order_requested: 'New service order: {service}',
      order_quoted: 'Order quoted: {service}, {price} yuan',
      order_confirmed: 'Quote accepted: {service}',
      order_started: 'Order in service: {service}',
      order_completed: 'Order completed: {service}',
      order_rejected: 'Order rejected: {service}',
      order_cancelled: 'Order cancelled: {service}',
      order_please_rate: 'Please rate the service: {service}',
    },
  },
})
