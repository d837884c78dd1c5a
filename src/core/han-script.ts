/**
 * Whether text holds a character of the Han script: a cheap test for the script that every
 * page loads. pinyin/han.ts decides which Han characters get a reading; it needs
 * pinyin-pro and is loaded only with the annotator.
 */
export const HAN_SCRIPT = /\p{Script=Han}/u;
